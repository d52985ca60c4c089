//! Reconnection delays: exponential backoff with a cap and random jitter, so a relay that went down
//! is retried quickly at first, then less and less often, and many clients do not retry in step.

use std::time::Duration;

use thiserror::Error;

/// When to retry a relay after failed connection attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct BackoffConfig {
    /// Delay before the first retry.
    pub base: Duration,
    /// Each further failure multiplies the delay by this (at least 1).
    pub factor: f64,
    /// The delay never exceeds this.
    pub cap: Duration,
    /// Fraction of the delay taken off at random (0: none, 1: anywhere between 0 and the delay).
    pub jitter: f64,
    /// Consecutive failed attempts after which the relay is given up (`Failed`); `None`: never.
    pub max_attempts: Option<u32>,
}

impl Default for BackoffConfig {
    fn default() -> Self {
        Self {
            base: Duration::from_millis(500),
            factor: 2.0,
            cap: Duration::from_secs(60),
            jitter: 0.3,
            max_attempts: None,
        }
    }
}

/// A [`BackoffConfig`] value is out of range.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum BackoffError {
    /// The base delay is zero or above the cap.
    #[error("backoff base {base:?} must be non-zero and at most the cap {cap:?}")]
    Base {
        /// The configured base.
        base: Duration,
        /// The configured cap.
        cap: Duration,
    },
    /// The factor is below 1 or not a number.
    #[error("backoff factor {0} must be a finite number of at least 1")]
    Factor(f64),
    /// The jitter is outside 0..=1.
    #[error("backoff jitter {0} must be between 0 and 1")]
    Jitter(f64),
}

impl BackoffConfig {
    /// Checks the values.
    pub fn validate(&self) -> Result<(), BackoffError> {
        if self.base.is_zero() || self.base > self.cap {
            return Err(BackoffError::Base {
                base: self.base,
                cap: self.cap,
            });
        }
        if !self.factor.is_finite() || self.factor < 1.0 {
            return Err(BackoffError::Factor(self.factor));
        }
        if !(0.0..=1.0).contains(&self.jitter) {
            return Err(BackoffError::Jitter(self.jitter));
        }
        Ok(())
    }

    /// The delay before retry number `attempt` (1 for the first retry) without jitter:
    /// `min(cap, base * factor^(attempt - 1))`.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(1024) as i32;
        let secs = self.base.as_secs_f64() * self.factor.powi(exponent);
        if !secs.is_finite() || secs >= self.cap.as_secs_f64() {
            self.cap
        } else {
            Duration::from_secs_f64(secs)
        }
    }

    /// The delay for `attempt` with jitter drawn from `unit` (in `0.0..1.0`): the ceiling minus up
    /// to `jitter` of it.
    pub fn delay_with(&self, attempt: u32, unit: f64) -> Duration {
        let ceiling = self.ceiling(attempt);
        let unit = if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.0
        };
        ceiling.mul_f64(1.0 - self.jitter.clamp(0.0, 1.0) * unit)
    }

    /// The delay for `attempt` with fresh random jitter.
    pub fn delay(&self, attempt: u32) -> Duration {
        self.delay_with(attempt, random_unit())
    }

    /// True when `attempt` failures mean giving up.
    pub fn exhausted(&self, attempt: u32) -> bool {
        self.max_attempts.is_some_and(|max| attempt >= max)
    }
}

/// A uniform number in `0.0..1.0` (0 if the system has no randomness, which only removes jitter).
fn random_unit() -> f64 {
    let mut bytes = [0u8; 8];
    if getrandom::fill(&mut bytes).is_err() {
        return 0.0;
    }
    // 53 random bits: exactly representable, uniform in [0, 1).
    (u64::from_le_bytes(bytes) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> BackoffConfig {
        BackoffConfig {
            base: Duration::from_millis(100),
            factor: 2.0,
            cap: Duration::from_secs(1),
            jitter: 0.5,
            max_attempts: Some(6),
        }
    }

    #[test]
    fn schedule_doubles_up_to_the_cap() {
        let c = config();
        let ms: Vec<u128> = (1..=7).map(|a| c.ceiling(a).as_millis()).collect();
        assert_eq!(ms, [100, 200, 400, 800, 1000, 1000, 1000]);
        assert_eq!(c.ceiling(0), Duration::from_millis(100));
        assert_eq!(c.ceiling(u32::MAX), Duration::from_secs(1));
        assert!(!c.exhausted(5));
        assert!(c.exhausted(6));
    }

    #[test]
    fn jitter_takes_off_at_most_its_fraction() {
        let c = config();
        assert_eq!(c.delay_with(3, 0.0), Duration::from_millis(400));
        assert_eq!(c.delay_with(3, 1.0), Duration::from_millis(200));
        assert_eq!(c.delay_with(3, f64::NAN), Duration::from_millis(400));
        let mut distinct = std::collections::BTreeSet::new();
        for _ in 0..200 {
            let d = c.delay(3);
            assert!(d >= Duration::from_millis(200) && d <= Duration::from_millis(400));
            distinct.insert(d);
        }
        assert!(distinct.len() > 10, "jitter should spread the delays");
    }

    #[test]
    fn bad_values_are_refused() {
        let mut c = config();
        assert!(c.validate().is_ok());
        c.factor = 0.5;
        assert!(matches!(c.validate(), Err(BackoffError::Factor(_))));
        c = config();
        c.jitter = 1.5;
        assert!(matches!(c.validate(), Err(BackoffError::Jitter(_))));
        c = config();
        c.base = Duration::from_secs(5);
        assert!(matches!(c.validate(), Err(BackoffError::Base { .. })));
        c.base = Duration::ZERO;
        assert!(c.validate().is_err());
    }
}
