// The import benchmark's hand-made data set (bench/import.mjs writes it to target/bench-data/check/), whose
// Day-30 figures are worked out below, to check the SQL before timing it: two
// rows of one user and day, a user absent from the roster (whose row is the last date), an empty
// `licensed`, a person without completed_on (day 0 = the earliest), one whose window ends after the data.
export const check = {
  roster: `user,department,completed_on,licensed,cohort
a@x,Eng,2026-03-02,true,W1
b@x,Eng,2026-03-03,,W1
c@x,Ops,,false,W1
d@x,Ops,2026-03-20,true,W2
`,
  activity: `date,user,sessions,minutes
2026-03-25,a@x,5,50
2026-03-26,a@x,1,10
2026-03-30,c@x,1,6
2026-04-01,a@x,1,5
2026-04-01,a@x,2,20
2026-04-01,d@x,3,30
2026-04-01,z@x,8,80
2026-04-02,b@x,2,12
2026-04-05,z@x,1,9
`,
  survey: `user,day,hours_saved,integration,satisfaction,reviewed,tasks
a@x,7,1.0,1,1,no,email
a@x,30,4.0,4,5,yes,code
b@x,30,2.0,3,3,no,email
d@x,30,6.0,5,4,yes,drafting
z@x,30,9.0,5,5,yes,code
`,
};
// a: window 03-26..04-01 = 1+1+2 = 4 sessions, 35 min; b: 03-27..04-02 = 2 sessions, 12 min;
// c: 03-26..04-01 = 1 session, 6 min (not licensed, not completed); d: day 30 is after 04-05, left out.
export const checkExpected = {
  overall: { people: 3, completion_rate: 2 / 3, active_usage_rate: 1 / 2, weekly_active_rate: 1,
    sessions_per_active_user_week: 7 / 3, avg_session_minutes: 53 / 7, answers: 3, hours_saved_per_week: 4,
    satisfaction: 4, daily_workflow_share: 2 / 3, reviewed_before_use: 2 / 3 },
  Eng: { people: 2, completion_rate: 1, active_usage_rate: 1 / 2, weekly_active_rate: 1,
    sessions_per_active_user_week: 3, avg_session_minutes: 47 / 6, answers: 2, hours_saved_per_week: 3 },
  Ops: { people: 1, completion_rate: 0, active_usage_rate: null, weekly_active_rate: null,
    sessions_per_active_user_week: 1, avg_session_minutes: 6, answers: 1, hours_saved_per_week: 6 },
};
