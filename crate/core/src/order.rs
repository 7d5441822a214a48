//! Rankings, with one sort for all of them: each `sort_by` with its own element type or comparison is
//! compiled separately, about 2 KB of WebAssembly a time, so the engine ranks by computing the keys
//! first and ordering their positions here.

/// The positions of `keys`, largest key first (by [`f64::total_cmp`]); equal keys keep their order.
pub fn largest_first(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    // Unstable, but on the whole key (a position breaks every tie), so the order is the stable one.
    order.sort_unstable_by(|&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::largest_first;

    #[test]
    fn ranks_largest_first_ties_in_their_order() {
        assert_eq!(largest_first(&[1.0, 3.0, 2.0, 3.0, -0.0, 0.0]), [1, 3, 2, 0, 5, 4]);
        assert_eq!(largest_first(&[]), Vec::<usize>::new());
        let many: Vec<f64> = (0..100).map(|i| f64::from(i % 7)).collect();
        let order = largest_first(&many);
        assert!(order.windows(2).all(|w| many[w[0]] > many[w[1]] || (many[w[0]] == many[w[1]] && w[0] < w[1])));
    }
}
