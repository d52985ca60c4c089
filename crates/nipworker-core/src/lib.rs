//! nipworker core
