//! What each stage serves, end to end (issue 11 point 2): a real `apigw
//! serve`, a real backend, changes made with the CLI while it runs. A stage
//! without AutoDeploy keeps serving its deployment's routes after a change
//! until `create-deployment --stage-name` moves it on; a stage without a
//! deployment serves nothing (404 `{"message":"Not Found"}`, as for a path
//! no route takes); an auto-deploy stage follows every change on reload.
//!
//! No sleeps as synchronisation: a reload is known to have happened when
//! the auto-deploy stage serves the change, and only then is the plain
//! stage asked.

mod common;

#[path = "common/serve.rs"]
mod serve;

use common::{Backend, call, client, eventually};
use serve::{Serve, apigw, text};
use std::time::Duration;

const RELOAD: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_stages_serve_their_deployment_and_auto_deploy_stages_follow() {
    let backend = Backend::start("orders").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let api = text(
        &ws,
        &[
            "create-api",
            "--name",
            "d",
            "--protocol-type",
            "HTTP",
            "--query",
            "ApiId",
        ],
    );
    let uri = format!("http://{}/{{proxy}}", backend.addr);
    let integration = text(
        &ws,
        &[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--integration-method",
            "ANY",
            "--integration-uri",
            &uri,
            "--query",
            "IntegrationId",
        ],
    );
    let target = format!("integrations/{integration}");
    let route = |key: &str| {
        text(
            &ws,
            &[
                "create-route",
                "--api-id",
                &api,
                "--route-key",
                key,
                "--target",
                &target,
                "--query",
                "RouteId",
            ],
        )
    };
    let old = route("GET /old/{proxy+}");
    apigw(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "live",
            "--auto-deploy",
        ],
    );
    apigw(
        &ws,
        &["create-stage", "--api-id", &api, "--stage-name", "prod"],
    );
    apigw(
        &ws,
        &["create-stage", "--api-id", &api, "--stage-name", "empty"],
    );
    let first = text(
        &ws,
        &[
            "create-deployment",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
            "--query",
            "DeploymentId",
        ],
    );

    let serve = Serve::start(&ws, &[], None);
    let http = client();
    let status = |path: &str| {
        let url = serve.url(path);
        let http = &http;
        async move { call(http, "GET", &url, &[]).await.status }
    };
    assert_eq!(status("/live/old/x").await, 200, "{}", serve.stderr());
    assert_eq!(status("/prod/old/x").await, 200, "{}", serve.stderr());
    assert_eq!(status("/prod/new/x").await, 404);
    // A stage without a deployment serves nothing.
    let none = call(&http, "GET", &serve.url("/empty/old/x"), &[]).await;
    assert_eq!(none.status, 404);
    assert_eq!(none.json(), serde_json::json!({"message": "Not Found"}));
    let hits = backend.hits();

    // A new route: the auto-deploy stage takes it on reload, prod does not.
    route("GET /new/{proxy+}");
    eventually("live serves the new route", RELOAD, || async {
        status("/live/new/x").await == 200
    })
    .await;
    assert_eq!(status("/prod/new/x").await, 404);
    assert_eq!(status("/prod/old/x").await, 200);
    assert_eq!(status("/empty/new/x").await, 404);
    assert_eq!(
        backend.hits(),
        hits + 2,
        "only the served routes reach the backend"
    );

    // Deleting a route: gone from live, still in prod's deployment.
    apigw(&ws, &["delete-route", "--api-id", &api, "--route-id", &old]);
    eventually("live drops the deleted route", RELOAD, || async {
        status("/live/old/x").await == 404
    })
    .await;
    assert_eq!(status("/prod/old/x").await, 200);

    // Deployed to prod: now it serves the API as it is.
    let second = text(
        &ws,
        &[
            "create-deployment",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
            "--query",
            "DeploymentId",
        ],
    );
    assert_ne!(first, second);
    eventually("prod serves the new deployment", RELOAD, || async {
        status("/prod/new/x").await == 200
    })
    .await;
    assert_eq!(status("/prod/old/x").await, 404);

    // Pointing prod back at the first deployment serves its routes again.
    apigw(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
            "--deployment-id",
            &first,
        ],
    );
    eventually("prod serves the first deployment again", RELOAD, || async {
        status("/prod/old/x").await == 200
    })
    .await;
    assert_eq!(status("/prod/new/x").await, 404);
}
