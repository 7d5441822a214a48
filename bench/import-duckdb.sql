-- The Day-N metrics of SPEC 4, computed by DuckDB-wasm straight from the three CSV files, for the import
-- benchmark (bench/import.mjs): the reference the Rust importer is timed and checked against.
--
-- The files are registered as 'roster.csv', 'activity.csv' and 'survey.csv'; `:N` is replaced by the
-- checkpoint day before the query runs. One row per department and one overall row (department NULL).
-- Every figure is cast to DOUBLE so it reaches JavaScript as a number, not a BigInt.
WITH params AS (SELECT :N AS n),

-- Roster: `licensed` is optional, and empty means licensed (SPEC 4: "default: everyone in the roster").
roster AS MATERIALIZED (
  SELECT "user", department, completed_on, coalesce(licensed, true) AS licensed
  FROM read_csv('roster.csv', header = true)
),

-- Activity, read once (MATERIALIZED: it is used twice). Every row counts for the last date, even rows of
-- users absent from the roster; only roster users' rows are used below. Rows of one user and day add up
-- because the window sums below add every row.
activity AS MATERIALIZED (
  SELECT "date", "user", sessions, minutes
  FROM read_csv('activity.csv', header = true)
),

bounds AS (
  SELECT (SELECT max("date") FROM activity) AS last_date,
         (SELECT min(completed_on) FROM roster) AS earliest
),

-- Day 0 is a person's completed_on, or the roster's earliest completed_on when they have none. Their
-- window is days N-6 .. N; people whose window ends after the last activity date are left out of every
-- denominator (not yet at the checkpoint).
people AS (
  SELECT r."user", r.department, r.completed_on IS NOT NULL AS completed, r.licensed,
         coalesce(r.completed_on, b.earliest) + p.n AS window_end
  FROM roster r, bounds b, params p
  WHERE coalesce(r.completed_on, b.earliest) + p.n <= b.last_date
),

windows AS (
  SELECT pe."user", sum(a.sessions) AS sessions, sum(a.minutes) AS minutes
  FROM people pe
  JOIN activity a ON a."user" = pe."user" AND a."date" BETWEEN pe.window_end - 6 AND pe.window_end
  GROUP BY pe."user"
),

per_person AS (
  SELECT pe.department, pe.completed, pe.licensed,
         coalesce(w.sessions, 0) AS sessions, coalesce(w.minutes, 0) AS minutes
  FROM people pe LEFT JOIN windows w USING ("user")
),

usage AS (
  SELECT department,
    count(*)::DOUBLE AS people,
    -- people with completed_on / roster people
    avg(completed::INT)::DOUBLE AS completion_rate,
    -- completed people with >= 3 sessions in their window / completed people
    (count(*) FILTER (completed AND sessions >= 3) / nullif(count(*) FILTER (completed), 0))::DOUBLE
      AS active_usage_rate,
    -- licensed people with >= 1 session in their window / licensed people
    (count(*) FILTER (licensed AND sessions >= 1) / nullif(count(*) FILTER (licensed), 0))::DOUBLE
      AS weekly_active_rate,
    -- mean, over people with >= 1 session in their window, of their sessions there
    (avg(sessions) FILTER (sessions >= 1))::DOUBLE AS sessions_per_active_user_week,
    -- sum of minutes / sum of sessions over those windows
    (sum(minutes) / nullif(sum(sessions), 0))::DOUBLE AS avg_session_minutes
  FROM per_person
  GROUP BY GROUPING SETS ((department), ())
),

-- Survey answers whose day is N (of roster users, so they have a department).
survey AS (
  SELECT r.department,
    count(*)::DOUBLE AS answers,
    avg(s.hours_saved)::DOUBLE AS hours_saved_per_week,
    avg(s.satisfaction)::DOUBLE AS satisfaction,
    avg((s.integration >= 4)::INT)::DOUBLE AS daily_workflow_share,
    avg((lower(s.reviewed::VARCHAR) IN ('yes', 'true', '1'))::INT)::DOUBLE AS reviewed_before_use
  FROM read_csv('survey.csv', header = true) s
  JOIN roster r USING ("user"), params p
  WHERE s."day" = p.n
  GROUP BY GROUPING SETS ((r.department), ())
)

SELECT coalesce(u.department, s.department) AS department, u.people,
  u.completion_rate, u.active_usage_rate, u.weekly_active_rate, u.sessions_per_active_user_week,
  u.avg_session_minutes,
  s.answers, s.hours_saved_per_week, s.satisfaction, s.daily_workflow_share, s.reviewed_before_use
FROM usage u FULL JOIN survey s ON u.department IS NOT DISTINCT FROM s.department
ORDER BY department NULLS FIRST
