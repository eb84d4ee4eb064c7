//! What each command and flag is for, in the project's own words. Keyed by
//! the AWS member and operation names so the tables stay the single source.

pub fn operation_about(op: &str) -> &'static str {
    match op {
        "CreateApi" => {
            "Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)"
        }
        "GetApi" => "Show one API",
        "GetApis" => "List the APIs of the workspace",
        "UpdateApi" => "Change an API's name, description, CORS or other settings",
        "DeleteApi" => "Delete an API with its integrations, routes, stages and authorizers",
        "DeleteCorsConfiguration" => {
            "Remove an API's CORS configuration (the gateway stops answering preflights itself)"
        }
        "CreateVpcLink" => "Create a VPC link that private integrations send traffic through",
        "GetVpcLink" => "Show one VPC link",
        "GetVpcLinks" => "List the VPC links of the workspace",
        "UpdateVpcLink" => "Rename a VPC link",
        "DeleteVpcLink" => "Delete a VPC link that no integration uses",
        "CreateIntegration" => {
            "Create an integration: where a route's requests are sent, checked as API Gateway checks it"
        }
        "GetIntegration" => "Show one integration",
        "GetIntegrations" => "List the integrations of an API",
        "UpdateIntegration" => "Change an integration; the result is checked like a new one",
        "DeleteIntegration" => "Delete an integration that no route targets",
        "CreateRoute" => "Create a route: a method and path (or $default) sent to an integration",
        "GetRoute" => "Show one route",
        "GetRoutes" => "List the routes of an API",
        "UpdateRoute" => "Change a route's key, target or authorization",
        "DeleteRoute" => "Delete a route",
        "CreateStage" => {
            "Create a stage: the path prefix an API is served under ($default for none)"
        }
        "GetStage" => "Show one stage",
        "GetStages" => "List the stages of an API",
        "UpdateStage" => "Change a stage's variables, settings or description",
        "DeleteStage" => "Delete a stage",
        "DeleteRouteSettings" => {
            "Remove a stage's settings for one route key (also those of a route since deleted)"
        }
        "DeleteAccessLogSettings" => "Turn a stage's access logging off",
        "CreateDeployment" => {
            "Deploy an API: keep its routes, integrations, authorizers and CORS as they are now (--stage-name: serve it there)"
        }
        "GetDeployment" => "Show one deployment",
        "GetDeployments" => "List the deployments of an API",
        "UpdateDeployment" => "Change a deployment's description",
        "DeleteDeployment" => "Delete a deployment that no stage serves",
        "CreateAuthorizer" => {
            "Create an authorizer (JWT: checks bearer tokens against an issuer's keys)"
        }
        "GetAuthorizer" => "Show one authorizer",
        "GetAuthorizers" => "List the authorizers of an API",
        "UpdateAuthorizer" => "Change an authorizer",
        "DeleteAuthorizer" => "Delete an authorizer that no route uses",
        "ResetAuthorizersCache" => {
            "Forget the Lambda authorizer answers a stage has cached (a running serve asks the authorizer again)"
        }
        "RegisterTargets" => {
            "Register targets (IP and port on this machine) behind a load-balancer listener"
        }
        "DeregisterTargets" => "Remove targets from a load-balancer listener",
        "DescribeTargetHealth" => {
            "Check each target of a listener now and say whether it is healthy, and why not"
        }
        "RegisterInstance" => {
            "Register an instance (address, port and attributes) in a Cloud Map service"
        }
        "DeregisterInstance" => "Remove an instance from a Cloud Map service",
        "ListInstances" => "List the instances of a Cloud Map service",
        "DiscoverInstances" => {
            "Find the instances whose attributes match every query parameter, as API Gateway does"
        }
        "UpdateInstanceCustomHealthStatus" => {
            "Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic"
        }
        "TagResource" => "Add tags to an API, stage or VPC link, named by its ARN",
        "UntagResource" => "Remove tags, by key, from an API, stage or VPC link",
        "GetTags" => "Show the tags of an API, stage or VPC link",
        "GetInstance" => "Show one instance of a Cloud Map service",
        "GetOperation" => {
            "Show the outcome of a RegisterInstance or DeregisterInstance call by its OperationId"
        }
        "ImportApi" => {
            "Create an HTTP API from an OpenAPI 3.0 document with x-amazon-apigateway-* extensions"
        }
        "ReimportApi" => {
            "Replace an API's routes, integrations, authorizers and CORS with an OpenAPI document's"
        }
        "ExportApi" => {
            "Write an API (or what a stage serves) as an OpenAPI 3.0 document to OUTFILE"
        }
        _ => "",
    }
}

pub fn member_help(member: &str) -> &'static str {
    match member {
        "ApiId" => "The API's identifier (10 characters, as create-api printed it)",
        "ApiKeySelectionExpression" => {
            "Where API keys are read from (WebSocket APIs); default $request.header.x-api-key"
        }
        "ApiKeyRequired" => "Whether the route needs an API key (WebSocket APIs only)",
        "AuthorizationScopes" => {
            "OAuth scopes a JWT route accepts; a token needs at least one of them"
        }
        "AuthorizationType" => "Who may call the route: NONE, JWT, AWS_IAM or CUSTOM",
        "AuthorizerCredentialsArn" => "IAM role API Gateway assumes to call a Lambda authorizer",
        "AuthorizerId" => "The authorizer's identifier (6 characters)",
        "AuthorizerPayloadFormatVersion" => {
            "Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0"
        }
        "AuthorizerResultTtlInSeconds" => {
            "How long a Lambda authorizer's answer is cached, 0 to 3600 seconds"
        }
        "AuthorizerType" => "JWT (check bearer tokens) or REQUEST (ask a Lambda function)",
        "AuthorizerUri" => "The Lambda invocation URI of a REQUEST authorizer",
        "AutoDeploy" => "Deploy every change to the stage at once",
        "ClientCertificateId" => "Client certificate for the stage (WebSocket APIs)",
        "ConnectionId" => "The VPC link id, when --connection-type is VPC_LINK",
        "ConnectionType" => {
            "INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link"
        }
        "ContentHandlingStrategy" => {
            "Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)"
        }
        "CorsConfiguration" => {
            "CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET"
        }
        "CredentialsArn" => "IAM role API Gateway assumes to call the integration",
        "DefaultRouteSettings" => "Throttling and logging settings for every route of the stage",
        "DeploymentId" => "The deployment the stage serves",
        "Description" => "Free text describing the resource",
        "DisableExecuteApiEndpoint" => "Turn off the default execute-api endpoint",
        "DisableSchemaValidation" => "Skip schema validation of imported definitions",
        "EnableSimpleResponses" => "Let a Lambda authorizer answer with a plain boolean",
        "IdentitySource" => "Where the identity is read, e.g. '$request.header.Authorization'",
        "IdentityValidationExpression" => {
            "Regular expression an identity must match (REQUEST authorizers)"
        }
        "IntegrationId" => "The integration's identifier (7 characters)",
        "IntegrationMethod" => "HTTP method used to call the backend (POST for AWS_PROXY)",
        "IntegrationSubtype" => {
            "AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage"
        }
        "IntegrationType" => {
            "HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only"
        }
        "IntegrationUri" => {
            "The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN"
        }
        "IpAddressType" => "ipv4 or dualstack",
        "JwtConfiguration" => {
            "Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com"
        }
        "ModelSelectionExpression" => "Selects the request model (WebSocket APIs)",
        "Name" => "A name for the resource (1 to 128 characters)",
        "OperationName" => "A name for the route's operation",
        "PassthroughBehavior" => "What happens to unmapped content types (WebSocket APIs only)",
        "PayloadFormatVersion" => {
            "Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda"
        }
        "ProtocolType" => "HTTP or WEBSOCKET",
        "RequestModels" => "Request models by content type (WebSocket APIs)",
        "RequestParameters" => {
            "Parameter mappings, e.g. 'append:header.x=$request.header.y,overwrite:path=$request.path'"
        }
        "RequestTemplates" => "Mapping templates by content type (WebSocket APIs only)",
        "ResponseParameters" => {
            "Response mappings by status code, e.g. '200={overwrite:statuscode=204}'"
        }
        "RouteId" => "The route's identifier (7 characters)",
        "RouteKey" => "The route key: '$default' or 'METHOD /path', e.g. 'GET /pets/{id}'",
        "RouteResponseSelectionExpression" => "Selects the route response (WebSocket APIs)",
        "RouteSelectionExpression" => {
            "How a route is chosen; for HTTP APIs always '$request.method $request.path'"
        }
        "RouteSettings" => "Per-route throttling and logging settings, by route key",
        "SecurityGroupIds" => "Security groups of the VPC link's network interfaces",
        "StageName" => "The stage's name: letters, digits, - and _, or $default",
        "StageVariables" => "Variables of the stage, usable as ${stageVariables.NAME}",
        "SubnetIds" => "Subnets the VPC link reaches (subnet-…)",
        "Tags" => "Tags as Key=Value pairs",
        "ResourceArn" => {
            "arn:aws:apigateway:REGION::/apis/ID, …/apis/ID/stages/NAME or …/vpclinks/ID"
        }
        "TagKeys" => "The keys of the tags to remove",
        "Target" => {
            "Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)"
        }
        "TemplateSelectionExpression" => "Selects the mapping template (WebSocket APIs only)",
        "TimeoutInMillis" => {
            "Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum"
        }
        "TlsConfig" => "TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com",
        "Version" => "A version label for the API",
        "VpcLinkId" => "The VPC link's identifier (7 characters)",
        "AccessLogSettings" => {
            "Access logs: DestinationArn=arn:aws:logs:REGION:ACCOUNT:log-group:NAME,Format='$context.requestId …'"
        }
        "MaxResults" => "The most items the service returns in one page",
        "ListenerArn" => "The ELB listener ARN, as the integration's IntegrationUri names it",
        "Targets" => {
            "Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002"
        }
        "ServiceId" => "The Cloud Map service id (srv-…), as in the integration's service ARN",
        "InstanceId" => "An id for the instance, unique within the service",
        "OperationId" => "The OperationId that register-instance or deregister-instance printed",
        "CreatorRequestId" => "An idempotency token (accepted; every call is applied)",
        "Attributes" => {
            "Attributes: AWS_INSTANCE_IPV4 (or _IPV6) and AWS_INSTANCE_PORT, plus your own, e.g. stage=prod"
        }
        "NamespaceName" => {
            "The namespace of the service (with --service-name, as the AWS CLI takes it)"
        }
        "ServiceName" => {
            "The service's name (with --namespace-name); --service-id is the shorter way"
        }
        "QueryParameters" => {
            "Attributes an instance must all have, e.g. stage=prod,deployment=green_deployment"
        }
        "OptionalParameters" => "Attributes preferred when some instances have them",
        "HealthStatus" => {
            "Which instances: HEALTHY (default), UNHEALTHY, ALL or HEALTHY_OR_ELSE_ALL"
        }
        "Status" => "HEALTHY or UNHEALTHY",
        "NextToken" => "Where the previous page ended",
        "Body" => "The OpenAPI 3.0 document, JSON or YAML (usually file://openapi.yaml)",
        "Basepath" => {
            "What to do with the base path of servers: ignore (default), prepend, or split (drop its first segment)"
        }
        "FailOnWarnings" => "Refuse the import, writing nothing, when the document has warnings",
        "Specification" => "The format of the document: OAS30 (OpenAPI 3.0)",
        "OutputType" => "JSON or YAML",
        "ExportVersion" => "The version of the export's extensions: 1.0",
        "IncludeExtensions" => {
            "Write the x-amazon-apigateway-* extensions (default); --no-include-extensions for a plain document"
        }
        _ => "",
    }
}

/// Worked examples for a command's man page, by its words (`create-integration`,
/// `elbv2 register-targets`): what each does, and the command.
pub fn examples(command: &str) -> &'static [(&'static str, &'static str)] {
    match command {
        "" => &[
            (
                "Start a workspace in this folder, then make an API and a VPC link in it",
                "apigw init\n\
                 apigw create-api --name my-http-api --protocol-type HTTP\n\
                 apigw create-vpc-link --name my-vpc-link --subnet-ids subnet-0a1b2c3d subnet-0e4f5a6b",
            ),
            (
                "Serve the workspace's API on a free port",
                "apigw serve --listen 127.0.0.1:0",
            ),
        ],
        "create-integration" => &[
            (
                "A private integration to a load balancer through a VPC link (the first command of the AWS page Working with private integrations for HTTP APIs)",
                "apigw create-integration --api-id api-id --integration-type HTTP_PROXY \\\n    \
                 --integration-method GET --connection-type VPC_LINK \\\n    \
                 --connection-id VPC-link-ID \\\n    \
                 --integration-uri arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65 \\\n    \
                 --payload-format-version 1.0",
            ),
            (
                "A private integration to a Cloud Map service, whose instances are found by their attributes (the page's second command)",
                "apigw create-integration --api-id api-id --integration-type HTTP_PROXY \\\n    \
                 --integration-method GET --connection-type VPC_LINK \\\n    \
                 --connection-id VPC-link-ID \\\n    \
                 --integration-uri 'arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment' \\\n    \
                 --payload-format-version 1.0",
            ),
        ],
        "import-api" => &[(
            "An API from a document, its base path put in front of every route",
            "apigw import-api --body file://openapi.yaml --basepath prepend --fail-on-warnings",
        )],
        "export-api" => &[(
            "What stage prod serves, as YAML with the extensions",
            "apigw export-api --api-id api-id --specification OAS30 --output-type YAML --stage-name prod api.yaml",
        )],
        "create-route" => &[(
            "A route to an integration, guarded by a JWT authorizer",
            "apigw create-route --api-id api-id --route-key 'GET /orders' --target integrations/integration-id \\\n    \
             --authorization-type JWT --authorizer-id authorizer-id --authorization-scopes orders:read",
        )],
        "elbv2 register-targets" => &[(
            "Two local servers behind the listener a private integration names",
            "apigw elbv2 register-targets --listener-arn listener-arn --targets Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002",
        )],
        "servicediscovery register-instance" => &[(
            "An instance with the attributes a Cloud Map integration's query selects",
            "apigw servicediscovery register-instance --service-id srv-id --instance-id green-1 \\\n    \
             --attributes AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=9003,stage=prod,deployment=green_deployment",
        )],
        _ => &[],
    }
}

/// What each exit code means, for the man pages (the aws CLI v2's codes).
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "The command succeeded."),
    (
        "2",
        "The command line could not be parsed: an unknown or missing option or argument.",
    ),
    (
        "130",
        "Interrupted (Ctrl-C); apigw serve exits so after letting requests under way finish.",
    ),
    (
        "252",
        "A value or parameter is malformed (shorthand, JSON, YAML, --query, a file:// value).",
    ),
    (
        "253",
        "The workspace file or the AWS configuration is unusable; the workspace is left untouched.",
    ),
    (
        "254",
        "The service's rules refused the request (the message is the service's).",
    ),
    (
        "255",
        "Anything else, for example a file that could not be written.",
    ),
];
