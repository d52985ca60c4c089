//! Configuration layering and errors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::Write;

use super::*;

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let map: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |k| map.get(k).cloned()
}

fn run(command: Result<Command, ConfigError>) -> Config {
    match command {
        Ok(Command::Run(config)) => *config,
        other => panic!("{other:?}"),
    }
}

fn err(command: Result<Command, ConfigError>) -> String {
    match command {
        Err(e) => e.to_string(),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn defaults_are_documented_ones() {
    let config = run(Config::load(args(&[]), env_of(&[("HOME", "/home/u")])));
    assert_eq!(config.listen.to_string(), "127.0.0.1:7777");
    assert_eq!(config.relays.len(), 3);
    assert_eq!(
        config.database,
        DbConfig::Sqlite("/home/u/.local/share/nipworker/nipworker.sqlite".into())
    );
    assert!(config.api_token.is_none() && !config.write_enabled());
    assert_eq!(config.limits, Limits::default());
    assert_eq!(config.cors, Cors::Off);
}

#[test]
fn file_then_env_then_flags() {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(
        file,
        "listen = \"127.0.0.1:1000\"\nrelays = [\"ws://127.0.0.1:1\"]\ndatabase = \"memory\"\n\
         [limits]\nmax_filters = 3\nmax_limit = 50"
    )
    .unwrap();
    let path = file.path().to_str().unwrap().to_owned();
    let from_file = run(Config::load(args(&["--config", &path]), env_of(&[])));
    assert_eq!(from_file.listen.to_string(), "127.0.0.1:1000");
    assert_eq!(from_file.relays, vec!["ws://127.0.0.1:1".to_owned()]);
    assert_eq!(from_file.database, DbConfig::Memory);
    assert_eq!(from_file.limits.max_filters, 3);
    assert_eq!(from_file.limits.max_limit, 50);

    let env = env_of(&[
        ("NIPWORKER_CONFIG", &path),
        ("NIPWORKER_LISTEN", "127.0.0.1:2000"),
        ("NIPWORKER_MAX_FILTERS", "4"),
        ("NIPWORKER_RELAYS", "ws://127.0.0.1:2, ws://127.0.0.1:3"),
        ("NIPWORKER_DB", "/tmp/alias.sqlite"),
    ]);
    let from_env = run(Config::load(args(&[]), &env));
    assert_eq!(from_env.listen.to_string(), "127.0.0.1:2000");
    assert_eq!(from_env.limits.max_filters, 4);
    assert_eq!(
        from_env.limits.max_limit, 50,
        "file keys env does not set stay"
    );
    assert_eq!(from_env.relays.len(), 2);
    assert_eq!(
        from_env.database,
        DbConfig::Sqlite("/tmp/alias.sqlite".into())
    );

    let from_flags = run(Config::load(
        args(&["--listen", "127.0.0.1:3000", "--db", "memory"]),
        &env,
    ));
    assert_eq!(from_flags.listen.to_string(), "127.0.0.1:3000");
    assert_eq!(from_flags.database, DbConfig::Memory);
}

#[test]
fn bad_values_name_their_key_and_source() {
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_LISTEN", "nope")]),
    ));
    assert!(
        e.contains("NIPWORKER_LISTEN") && e.contains("environment"),
        "{e}"
    );
    let e = err(Config::load(args(&["--relays", "http://x"]), env_of(&[])));
    assert!(e.contains("--relays") && e.contains("http://x"), "{e}");
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_MAX_FILTERS", "0")]),
    ));
    assert!(e.contains("NIPWORKER_MAX_FILTERS"), "{e}");
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_DATABASE", " ")]),
    ));
    assert!(e.contains("NIPWORKER_DATABASE"), "{e}");
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_CORS_ORIGINS", "nope")]),
    ));
    assert!(e.contains("NIPWORKER_CORS_ORIGINS"), "{e}");
    let e = err(Config::load(args(&["--bogus"]), env_of(&[])));
    assert!(e.contains("--bogus"), "{e}");

    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(file, "[limits]\nmax_filtres = 3").unwrap();
    let path = file.path().to_str().unwrap().to_owned();
    let e = err(Config::load(args(&["--config", &path]), env_of(&[])));
    assert!(e.contains("limits.max_filtres"), "{e}");

    let e = err(Config::load(
        args(&["--config", "/nonexistent/x.toml"]),
        env_of(&[]),
    ));
    assert!(e.contains("/nonexistent/x.toml"), "{e}");
}

#[test]
fn secrets_are_never_echoed() {
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_API_TOKEN", "short-secret")]),
    ));
    assert!(
        e.contains("NIPWORKER_API_TOKEN") && !e.contains("short-secret"),
        "{e}"
    );
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_SIGNER", "not-a-key-but-secret")]),
    ));
    assert!(!e.contains("not-a-key-but-secret"), "{e}");
    let token = "a-long-enough-api-token";
    let config = run(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_API_TOKEN", token)]),
    ));
    assert!(!format!("{config:?}").contains(token));
    assert!(config.api_token.as_ref().is_some_and(|t| t.matches(token)));
    assert!(
        !config
            .api_token
            .as_ref()
            .is_some_and(|t| t.matches("a-long-enough-api-tokeN"))
    );
    let e = err(Config::load(
        args(&[]),
        env_of(&[("NIPWORKER_SIGNER", &"1".repeat(64))]),
    ));
    assert!(
        e.contains("api_token"),
        "a signer without a token is refused: {e}"
    );
}

#[test]
fn help_lists_every_environment_variable() {
    let Ok(Command::Print(help)) = Config::load(args(&["--help"]), env_of(&[])) else {
        panic!("help");
    };
    for (_, var, _) in KEYS {
        assert!(help.contains(var), "{var} missing from --help");
    }
}

#[test]
fn the_example_config_documents_every_key_and_loads() {
    let text = include_str!("../../nipworker.example.toml");
    for (key, var, _) in KEYS {
        let bare = key.rsplit('.').next().unwrap_or(key);
        assert!(
            text.contains(&format!("{bare} =")),
            "{key} missing from the example"
        );
        assert!(text.contains(var), "{var} missing from the example");
    }
    let mut config = Config::defaults(|_| None);
    keys::apply_toml(&mut config, text, std::path::Path::new("example")).unwrap();
    assert_eq!(
        config.limits,
        Limits::default(),
        "the example shows the defaults"
    );
}
