//! Per-client limits that need state: WebSocket connections per IP (a guard released on drop)
//! and EVENT messages per second per connection (a token bucket).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Open WebSocket connections by client IP.
#[derive(Debug, Clone)]
pub struct ConnectionsPerIp {
    max: usize,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// One counted connection; dropping it frees the slot.
#[derive(Debug)]
pub struct IpSlot {
    ip: IpAddr,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl ConnectionsPerIp {
    /// At most `max` connections per IP.
    pub fn new(max: usize) -> Self {
        Self {
            max,
            open: Arc::default(),
        }
    }

    /// A slot for `ip`, or `None` when it already holds `max` connections.
    pub fn acquire(&self, ip: IpAddr) -> Option<IpSlot> {
        let mut open = self.open.lock().ok()?;
        let count = open.entry(ip).or_insert(0);
        if *count >= self.max {
            return None;
        }
        *count += 1;
        Some(IpSlot {
            ip,
            open: self.open.clone(),
        })
    }

    /// Connections open now, over every IP.
    pub fn total(&self) -> usize {
        self.open.lock().map(|o| o.values().sum()).unwrap_or(0)
    }
}

impl Drop for IpSlot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.open.lock()
            && let Some(count) = open.get_mut(&self.ip)
        {
            *count = count.saturating_sub(1);
            if *count == 0 {
                // The map holds only IPs with open connections: bounded by the connections.
                open.remove(&self.ip);
            }
        }
    }
}

/// A token bucket: `rate` per second, bursts up to twice that.
#[derive(Debug)]
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: Instant,
}

impl RateLimiter {
    /// `rate` messages per second.
    pub fn new(rate: u32) -> Self {
        let rate = f64::from(rate.max(1));
        Self {
            rate,
            burst: rate * 2.0,
            tokens: rate * 2.0,
            last: Instant::now(),
        }
    }

    /// Takes one token if there is one.
    pub fn try_take(&mut self) -> bool {
        self.take_at(Instant::now())
    }

    fn take_at(&mut self, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn ip_slots_are_counted_and_released() {
        let ips = ConnectionsPerIp::new(2);
        let ip: IpAddr = [127, 0, 0, 1].into();
        let a = ips.acquire(ip);
        let b = ips.acquire(ip);
        assert!(a.is_some() && b.is_some());
        assert!(ips.acquire(ip).is_none(), "third connection refused");
        assert!(
            ips.acquire([127, 0, 0, 2].into()).is_some(),
            "other IPs unaffected"
        );
        drop(a);
        assert!(ips.acquire(ip).is_some(), "a freed slot is reusable");
    }

    #[test]
    fn bucket_allows_bursts_then_the_rate() {
        let mut bucket = RateLimiter::new(5);
        let start = bucket.last;
        let taken = (0..20).filter(|_| bucket.take_at(start)).count();
        assert_eq!(taken, 10, "burst of twice the rate");
        assert!(!bucket.take_at(start));
        assert!(
            bucket.take_at(start + Duration::from_millis(200)),
            "one token per 1/rate s"
        );
        assert!(!bucket.take_at(start + Duration::from_millis(200)));
    }
}
