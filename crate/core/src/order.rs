//! Orderings, with one sort for all of them: each `sort_by` with its own element type or comparison is
//! compiled separately, 1.5–3.5 KB of WebAssembly a time, so the engine orders the positions of what
//! it sorts here, through one comparison behind a reference.

use std::cmp::Ordering;

/// The positions `0..n` in the order `compare` gives them, equal ones in their order (a stable sort).
pub fn positions_by(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Unstable, but on the whole key (a position breaks every tie), so the order is the stable one.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// The positions of `keys`, largest key first (by [`f64::total_cmp`]); equal keys keep their order.
pub fn largest_first(keys: &[f64]) -> Vec<usize> {
    positions_by(keys.len(), &|a, b| keys[b].total_cmp(&keys[a]))
}

/// `items` in the order `compare` gives them, equal ones in their order: what `sort_by` does.
pub fn sorted_by<T>(items: Vec<T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = positions_by(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut items: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| items.get_mut(i)?.take()).collect()
}

#[cfg(test)]
mod tests {
    use super::{largest_first, sorted_by};

    #[test]
    fn ranks_largest_first_ties_in_their_order() {
        assert_eq!(largest_first(&[1.0, 3.0, 2.0, 3.0, -0.0, 0.0]), [1, 3, 2, 0, 5, 4]);
        assert_eq!(largest_first(&[]), Vec::<usize>::new());
        let many: Vec<f64> = (0..100).map(|i| f64::from(i % 7)).collect();
        let order = largest_first(&many);
        assert!(order.windows(2).all(|w| many[w[0]] > many[w[1]] || (many[w[0]] == many[w[1]] && w[0] < w[1])));
    }

    #[test]
    fn sorts_as_sort_by_does() {
        let items: Vec<(u32, usize)> = (0..200).map(|i| ((i * 7919) % 13, i as usize)).collect();
        let mut expected = items.clone();
        expected.sort_by_key(|item| std::cmp::Reverse(item.0));
        assert_eq!(sorted_by(items, |a, b| b.0.cmp(&a.0)), expected);
    }
}
