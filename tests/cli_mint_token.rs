//! `apigw mint-token`: tokens signed by the local issuer's private key.

#[path = "common/cli.rs"]
mod cli;

use cli::*;

#[test]
fn mint_token_signs_with_a_private_local_key() {
    let ws = Ws::new();
    let token = ws.text(&[
        "mint-token",
        "--issuer",
        "http://127.0.0.1:8080",
        "--audience",
        "my-app",
        "--scope",
        "read",
        "write",
        "--subject",
        "alice",
        "--expires-in",
        "30m",
    ]);
    let parts: Vec<&str> = token.trim().split('.').collect();
    assert_eq!(parts.len(), 3, "{token}");
    let key = ws.path.parent().unwrap().join(".apigw/issuer-key.pem");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let pem = std::fs::read_to_string(&key).unwrap();
    let body = pem.lines().nth(1).unwrap();
    assert!(!token.contains(body), "the key is never printed");
    let again = ws.text(&[
        "mint-token",
        "--issuer",
        "http://127.0.0.1:8080",
        "--audience",
        "my-app",
    ]);
    assert_ne!(again, token);
    assert_eq!(
        std::fs::read_to_string(&key).unwrap(),
        pem,
        "the key is reused"
    );
    let err = ws.fails(
        &[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:8080",
            "--expires-in",
            "soon",
        ],
        252,
    );
    assert!(err.contains("--expires-in"), "{err}");
    ws.fails(&["mint-token", "--audience", "a"], 2);
}
