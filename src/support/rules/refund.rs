//! How much of an order can still be refunded, and how an approved refund is spread over its
//! lines.

/// What can still be refunded on an order: what was paid less the credits already given.
pub fn refundable(paid: i64, credited: i64) -> i64 {
    (paid - credited).max(0)
}

/// Splits an approved refund over an order's lines, in order, each taking at most what is
/// still refundable on it. `None` when the lines together cannot take the amount.
pub fn allocate<K: Copy>(amount: i64, lines: &[(K, i64)]) -> Option<Vec<(K, i64)>> {
    if amount <= 0 {
        return None;
    }
    let mut left = amount;
    let mut parts = Vec::new();
    for (key, room) in lines {
        if left == 0 {
            break;
        }
        let part = left.min((*room).max(0));
        if part > 0 {
            parts.push((*key, part));
            left -= part;
        }
    }
    (left == 0).then_some(parts)
}
