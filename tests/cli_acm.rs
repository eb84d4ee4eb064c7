//! The ACM stand-in as a user types it (`apigw acm …`), with certificates
//! made in the test: what import, request, describe, list, get and delete
//! answer; where keys are kept (0600, never printed, git-ignored); and each
//! rule with its message and exit code, including what create-domain-name
//! and update-domain-name require of a certificate and a truststore.

#[path = "common/certs.rs"]
mod certs;
#[path = "common/cli.rs"]
mod cli;

use certs::TestCa;
use cli::*;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Imports `pem` (with `chain`), returning the ARN.
fn import(ws: &Ws, pem: &certs::Pem, chain: Option<&str>) -> String {
    let (cert, key) = pem.write(ws.dir(), "import");
    let cert_arg = format!("fileb://{}", cert.display());
    let key_arg = format!("fileb://{}", key.display());
    let mut args = vec![
        "acm",
        "import-certificate",
        "--certificate",
        &cert_arg,
        "--private-key",
        &key_arg,
    ];
    let chain_arg;
    if let Some(chain) = chain {
        let path = ws.dir().join("chain.pem");
        std::fs::write(&path, chain).unwrap();
        chain_arg = format!("fileb://{}", path.display());
        args.extend(["--certificate-chain", &chain_arg]);
    }
    let out = ws.run(&args).succeeds();
    out.stdout_lacks("PRIVATE KEY").json()["CertificateArn"]
        .as_str()
        .unwrap()
        .to_string()
}

fn request(ws: &Ws, names: &[&str]) -> String {
    let mut args = vec!["acm", "request-certificate", "--domain-name", names[0]];
    if names.len() > 1 {
        args.push("--subject-alternative-names");
        args.extend(&names[1..]);
    }
    ws.ok(&args)["CertificateArn"].as_str().unwrap().to_string()
}

fn create_domain(ws: &Ws, name: &str, arn: &str) -> Outcome {
    ws.run(&[
        "create-domain-name",
        "--domain-name",
        name,
        "--domain-name-configurations",
        &format!("CertificateArn={arn}"),
    ])
}

#[test]
fn an_imported_certificate_is_described_listed_got_and_deleted() {
    let ws = Ws::new();
    ws.api("HTTP");
    let ca = TestCa::new("Test Root");
    let pem = ca.server(&["api.example.com", "www.example.com"]);
    let arn = import(&ws, &pem, Some(&ca.pem));
    let id = arn.rsplit('/').next().unwrap();
    assert!(
        arn.starts_with("arn:aws:acm:us-east-2:123456789012:certificate/") && id.len() == 36,
        "{arn}"
    );
    let d =
        ws.ok(&["acm", "describe-certificate", "--certificate-arn", &arn])["Certificate"].clone();
    assert_eq!(d["CertificateArn"], arn.as_str());
    assert_eq!(d["DomainName"], "api.example.com");
    assert_eq!(
        d["SubjectAlternativeNames"],
        serde_json::json!(["api.example.com", "www.example.com"])
    );
    assert_eq!(d["Type"], "IMPORTED");
    assert_eq!(d["Status"], "ISSUED");
    assert_eq!(d["KeyAlgorithm"], "EC_prime256v1");
    assert_eq!(d["Issuer"], "CN=Test Root");
    assert_eq!(d["Subject"], "CN=api.example.com");
    assert_eq!(d["InUseBy"], serde_json::json!([]));
    assert!(
        d["ImportedAt"].is_string() && d["NotAfter"].is_string(),
        "{d}"
    );
    let got = ws
        .run(&["acm", "get-certificate", "--certificate-arn", &arn])
        .succeeds()
        .stdout_lacks("PRIVATE KEY")
        .json();
    assert_eq!(got["Certificate"], pem.cert.as_str());
    assert_eq!(got["CertificateChain"], ca.pem.as_str());
    assert_eq!(
        ws.text(&[
            "acm",
            "list-certificates",
            "--query",
            "CertificateSummaryList[].[CertificateArn,DomainName,InUse]",
            "--output",
            "text"
        ]),
        format!("{arn}\tapi.example.com\tFalse\n")
    );
    // The key: beside the workspace, private, git-ignored, not in the file.
    let apigw = ws.dir().join(".apigw");
    let folder = apigw.join("acm").join(id);
    assert_eq!(mode(&folder.join("private-key.pem")), 0o600);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(
        std::fs::read_to_string(folder.join("private-key.pem")).unwrap(),
        pem.key
    );
    assert!(
        std::fs::read_to_string(apigw.join(".gitignore"))
            .unwrap()
            .contains('*')
    );
    assert!(
        !String::from_utf8(read(&ws.path))
            .unwrap()
            .contains("PRIVATE KEY")
    );
    ws.ok(&["acm", "delete-certificate", "--certificate-arn", &arn]);
    assert!(!folder.exists());
    ws.run(&["acm", "describe-certificate", "--certificate-arn", &arn])
        .fails(254)
        .stderr_has(&format!(
            "An error occurred (ResourceNotFoundException) when calling the DescribeCertificate operation: Could not find certificate {arn}."
        ));
}

#[test]
fn import_rules() {
    let ws = Ws::new();
    ws.api("HTTP");
    let ca = TestCa::new("Test Root");
    let a = ca.server(&["a.example.com"]);
    let b = ca.server(&["b.example.com"]);
    let (a_cert, _) = a.write(ws.dir(), "a");
    let (_, b_key) = b.write(ws.dir(), "b");
    let (old_cert, old_key) = ca.expired("old.example.com").write(ws.dir(), "old");
    let arg = |p: &Path| format!("fileb://{}", p.display());
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (
            vec![arg(&a_cert), arg(&b_key)],
            254,
            "An error occurred (ValidationException) when calling the ImportCertificate operation: Could not import the certificate: the private key does not match the certificate",
        ),
        (
            vec![arg(&b_key), arg(&b_key)],
            254,
            "(ValidationException) when calling the ImportCertificate operation: The certificate field holds no CERTIFICATE block",
        ),
        (
            vec![arg(&a_cert), arg(&a_cert)],
            254,
            "the private key is not an unencrypted PEM private key",
        ),
        (
            vec![arg(&old_cert), arg(&old_key)],
            254,
            "(ValidationException) when calling the ImportCertificate operation: The certificate expired on 2020-01-01T00:00:00+00:00",
        ),
        (
            vec![arg(&a_cert), "fileb:///nonexistent/key.pem".into()],
            252,
            "Error parsing parameter '--private-key': Unable to load paramfile fileb:///nonexistent/key.pem",
        ),
    ];
    for (files, code, message) in cases {
        ws.run(&[
            "acm",
            "import-certificate",
            "--certificate",
            &files[0],
            "--private-key",
            &files[1],
        ])
        .fails(code)
        .stderr_has(message)
        .stderr_lacks("PRIVATE KEY");
    }
    ws.run(&["acm", "import-certificate", "--certificate", &arg(&a_cert)])
        .fails(2)
        .stderr_has("--private-key");
    ws.run(&["acm", "describe-certificate", "--certificate-arn", "arn:aws:iam::1:x"])
        .fails(254)
        .stderr_has("(InvalidArnException) when calling the DescribeCertificate operation: The certificate ARN arn:aws:iam::1:x is not valid");
    assert!(
        !ws.dir().join(".apigw/acm").exists()
            || std::fs::read_dir(ws.dir().join(".apigw/acm"))
                .unwrap()
                .count()
                == 1
    );
}

#[test]
fn request_certificate_issues_from_the_local_ca() {
    let ws = Ws::new();
    ws.api("HTTP");
    let out = ws
        .run(&[
            "acm",
            "request-certificate",
            "--domain-name",
            "api.example.com",
            "--subject-alternative-names",
            "*.shop.example.com",
        ])
        .succeeds();
    let ca_cert = ws.dir().join(".apigw/ca/ca-cert.pem");
    let out = out
        .stderr_has(&format!("curl --cacert {}", ca_cert.display()))
        .stderr_lacks("PRIVATE KEY")
        .stdout_lacks("PRIVATE KEY");
    let arn = out.json()["CertificateArn"].as_str().unwrap().to_string();
    assert_eq!(mode(&ws.dir().join(".apigw/ca/ca-key.pem")), 0o600);
    assert_eq!(mode(&ws.dir().join(".apigw/ca")), 0o700);
    let d =
        ws.ok(&["acm", "describe-certificate", "--certificate-arn", &arn])["Certificate"].clone();
    assert_eq!(d["Type"], "AMAZON_ISSUED");
    assert_eq!(d["Status"], "ISSUED");
    assert_eq!(d["DomainName"], "api.example.com");
    assert_eq!(
        d["SubjectAlternativeNames"],
        serde_json::json!(["api.example.com", "*.shop.example.com"])
    );
    assert!(
        d["Issuer"]
            .as_str()
            .unwrap()
            .starts_with("CN=apigw local CA "),
        "{d}"
    );
    // The chain is the local CA's certificate.
    let chain =
        ws.ok(&["acm", "get-certificate", "--certificate-arn", &arn])["CertificateChain"].clone();
    assert_eq!(chain, std::fs::read_to_string(&ca_cert).unwrap().as_str());
    let cases: &[(&[&str], &str)] = &[
        (
            &["--domain-name", "not a name"],
            "(ValidationException) when calling the RequestCertificate operation: Invalid domain name \"not a name\"",
        ),
        (
            &[
                "--domain-name",
                "a.example.com",
                "--key-algorithm",
                "RSA_2048",
            ],
            "The local CA issues EC_prime256v1 keys only; KeyAlgorithm RSA_2048 is not supported here",
        ),
        (
            &[
                "--domain-name",
                "a.example.com",
                "--validation-method",
                "HTTP",
            ],
            "Invalid ValidationMethod HTTP: must be one of [DNS, EMAIL]",
        ),
        (
            &[
                "--domain-name",
                "a.example.com",
                "--subject-alternative-names",
                "b1.example.com",
                "b2.example.com",
                "b3.example.com",
                "b4.example.com",
                "b5.example.com",
                "b6.example.com",
                "b7.example.com",
                "b8.example.com",
                "b9.example.com",
                "b10.example.com",
            ],
            "A certificate may cover at most 10 names; 11 were given",
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["acm", "request-certificate"];
        all.extend(*args);
        ws.run(&all).fails(254).stderr_has(message);
    }
}

#[test]
fn a_domain_name_needs_a_certificate_that_exists_and_covers_it() {
    let ws = Ws::new();
    ws.api("HTTP");
    let wildcard = request(&ws, &["*.example.com"]);
    let missing = format!("{}0", &wildcard[..wildcard.len() - 1]);
    let missing = if missing == wildcard {
        format!("{}1", &wildcard[..wildcard.len() - 1])
    } else {
        missing
    };
    create_domain(&ws, "api.example.com", &missing)
        .fails(254)
        .stderr_has(&format!(
            "An error occurred (BadRequestException) when calling the CreateDomainName operation: Invalid certificate ARN: {missing}. Certificate must be in 'ISSUED' state."
        ));
    let not_covered = "An error occurred (BadRequestException) when calling the CreateDomainName operation: The domain name to be created is not covered by the provided certificate.";
    create_domain(&ws, "a.b.example.com", &wildcard)
        .fails(254)
        .stderr_has(not_covered);
    create_domain(&ws, "example.com", &wildcard)
        .fails(254)
        .stderr_has(not_covered);
    // A certificate of another region is not found in this one.
    ws.run(&[
        "create-domain-name",
        "--domain-name",
        "api.example.com",
        "--region",
        "eu-west-1",
        "--domain-name-configurations",
        &format!("CertificateArn={wildcard}"),
    ])
    .fails(254)
    .stderr_has("Certificate must be in 'ISSUED' state.");
    create_domain(&ws, "api.example.com", &wildcard).succeeds();
    create_domain(&ws, "*.example.com", &wildcard).succeeds();
    let other = request(&ws, &["api.other.com"]);
    ws.run(&[
        "update-domain-name", "--domain-name", "api.example.com",
        "--domain-name-configurations", &format!("CertificateArn={other}"),
    ])
    .fails(254)
    .stderr_has("(BadRequestException) when calling the UpdateDomainName operation: The domain name to be created is not covered by the provided certificate.");
    // In use: not deleted, as ACM refuses.
    let users = ws.text(&[
        "acm",
        "describe-certificate",
        "--certificate-arn",
        &wildcard,
        "--query",
        "Certificate.InUseBy",
        "--output",
        "text",
    ]);
    assert!(
        users.contains("/domainnames/api.example.com")
            && users.contains("/domainnames/*.example.com"),
        "{users}"
    );
    ws.run(&["acm", "delete-certificate", "--certificate-arn", &wildcard])
        .fails(254)
        .stderr_has(&format!(
            "An error occurred (ResourceInUseException) when calling the DeleteCertificate operation: Certificate {wildcard} is in use by"
        ));
    ws.ok(&["delete-domain-name", "--domain-name", "api.example.com"]);
    ws.ok(&["delete-domain-name", "--domain-name", "*.example.com"]);
    ws.ok(&["acm", "delete-certificate", "--certificate-arn", &wildcard]);
}

#[test]
fn mutual_tls_needs_a_readable_truststore() {
    let ws = Ws::new();
    ws.api("HTTP");
    let arn = request(&ws, &["api.example.com"]);
    let with = |uri: &str| {
        ws.run(&[
            "create-domain-name",
            "--domain-name",
            "api.example.com",
            "--domain-name-configurations",
            &format!("CertificateArn={arn}"),
            "--mutual-tls-authentication",
            &format!("TruststoreUri={uri}"),
        ])
    };
    with("https://bucket/key.pem")
        .fails(254)
        .stderr_has("(BadRequestException) when calling the CreateDomainName operation: TruststoreUri https://bucket/key.pem is not an S3 URI: expected s3://bucket/key");
    with("s3://bucket/../key.pem")
        .fails(254)
        .stderr_has("may not hold empty, . or .. segments");
    let local = ws.dir().join(".apigw/truststores/bucket/ca.pem");
    with("s3://bucket/ca.pem").fails(254).stderr_has(&format!(
        "Invalid truststore s3://bucket/ca.pem: cannot read the truststore {}",
        local.display()
    ));
    std::fs::create_dir_all(local.parent().unwrap()).unwrap();
    std::fs::write(&local, "not pem").unwrap();
    with("s3://bucket/ca.pem")
        .fails(254)
        .stderr_has("holds no usable CA certificate");
    std::fs::write(&local, TestCa::new("Clients").pem).unwrap();
    let d = with("s3://bucket/ca.pem").succeeds().json();
    assert_eq!(
        d["MutualTlsAuthentication"]["TruststoreUri"],
        "s3://bucket/ca.pem"
    );
}

#[test]
fn a_workspace_without_its_key_folder_still_loads() {
    let ws = Ws::new();
    ws.api("HTTP");
    let arn = request(&ws, &["api.example.com"]);
    create_domain(&ws, "api.example.com", &arn).succeeds();
    // A fresh clone: the git-ignored folder is not there.
    std::fs::remove_dir_all(ws.dir().join(".apigw")).unwrap();
    assert_eq!(
        ws.text(&[
            "get-domain-names",
            "--query",
            "Items[].DomainName",
            "--output",
            "text"
        ]),
        "api.example.com\n"
    );
    ws.run(&["acm", "describe-certificate", "--certificate-arn", &arn])
        .fails(254)
        .stderr_has("ResourceNotFoundException");
}
