
use builtin;
use str;

set edit:completion:arg-completer[apigw] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'apigw'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'apigw'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create-api 'Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)'
            cand get-api 'Show one API'
            cand get-apis 'List the APIs of the workspace'
            cand update-api 'Change an API''s name, description, CORS or other settings'
            cand delete-api 'Delete an API with its integrations, routes, stages and authorizers'
            cand create-vpc-link 'Create a VPC link that private integrations send traffic through'
            cand get-vpc-link 'Show one VPC link'
            cand get-vpc-links 'List the VPC links of the workspace'
            cand update-vpc-link 'Rename a VPC link'
            cand delete-vpc-link 'Delete a VPC link that no integration uses'
            cand create-integration 'Create an integration: where a route''s requests are sent, checked as API Gateway checks it'
            cand get-integration 'Show one integration'
            cand get-integrations 'List the integrations of an API'
            cand update-integration 'Change an integration; the result is checked like a new one'
            cand delete-integration 'Delete an integration that no route targets'
            cand create-route 'Create a route: a method and path (or $default) sent to an integration'
            cand get-route 'Show one route'
            cand get-routes 'List the routes of an API'
            cand update-route 'Change a route''s key, target or authorization'
            cand delete-route 'Delete a route'
            cand create-stage 'Create a stage: the path prefix an API is served under ($default for none)'
            cand get-stage 'Show one stage'
            cand get-stages 'List the stages of an API'
            cand update-stage 'Change a stage''s variables, settings or description'
            cand delete-stage 'Delete a stage'
            cand create-authorizer 'Create an authorizer (JWT: checks bearer tokens against an issuer''s keys)'
            cand get-authorizer 'Show one authorizer'
            cand get-authorizers 'List the authorizers of an API'
            cand update-authorizer 'Change an authorizer'
            cand delete-authorizer 'Delete an authorizer that no route uses'
            cand elbv2 'Targets of the load-balancer listeners that private integrations name'
            cand servicediscovery 'Instances of the Cloud Map services that private integrations name'
            cand workspace 'Show which workspace file is in use, with its account and region'
            cand init 'Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites'
            cand completion 'Print a shell completion script'
            cand serve 'Serve the workspace''s HTTP API on this machine as API Gateway would, until Ctrl-C'
            cand mint-token 'Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes'
            cand generate-docs 'Write the completion scripts and man pages into a folder (used to refresh the committed ones)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw;create-api'= {
            cand --api-key-selection-expression 'Where API keys are read from (WebSocket APIs); default $request.header.x-api-key'
            cand --cors-configuration 'CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET'
            cand --credentials-arn 'IAM role API Gateway assumes to call the integration'
            cand --description 'Free text describing the resource'
            cand --ip-address-type 'ipv4 or dualstack'
            cand --name 'A name for the resource (1 to 128 characters) [required]'
            cand --protocol-type 'HTTP or WEBSOCKET [required]'
            cand --route-key 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}'''
            cand --route-selection-expression 'How a route is chosen; for HTTP APIs always ''$request.method $request.path'''
            cand --tags 'Tags as Key=Value pairs'
            cand --target 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)'
            cand --version 'A version label for the API'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --disable-schema-validation 'Skip schema validation of imported definitions'
            cand --no-disable-schema-validation 'Set DisableSchemaValidation to false'
            cand --disable-execute-api-endpoint 'Turn off the default execute-api endpoint'
            cand --no-disable-execute-api-endpoint 'Set DisableExecuteApiEndpoint to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-api'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-apis'= {
            cand --max-items 'The most items to print; a NextToken is printed when there are more'
            cand --starting-token 'Continue after a previous call: pass the NextToken it printed'
            cand --page-size 'Accepted for compatibility; the whole list is local, so pages change nothing'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;update-api'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --api-key-selection-expression 'Where API keys are read from (WebSocket APIs); default $request.header.x-api-key'
            cand --cors-configuration 'CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET'
            cand --credentials-arn 'IAM role API Gateway assumes to call the integration'
            cand --description 'Free text describing the resource'
            cand --ip-address-type 'ipv4 or dualstack'
            cand --name 'A name for the resource (1 to 128 characters)'
            cand --route-key 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}'''
            cand --route-selection-expression 'How a route is chosen; for HTTP APIs always ''$request.method $request.path'''
            cand --target 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)'
            cand --version 'A version label for the API'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --disable-schema-validation 'Skip schema validation of imported definitions'
            cand --no-disable-schema-validation 'Set DisableSchemaValidation to false'
            cand --disable-execute-api-endpoint 'Turn off the default execute-api endpoint'
            cand --no-disable-execute-api-endpoint 'Set DisableExecuteApiEndpoint to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;delete-api'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;create-vpc-link'= {
            cand --name 'A name for the resource (1 to 128 characters) [required]'
            cand --security-group-ids 'Security groups of the VPC link''s network interfaces'
            cand --subnet-ids 'Subnets the VPC link reaches (subnet-…) [required]'
            cand --tags 'Tags as Key=Value pairs'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-vpc-link'= {
            cand --vpc-link-id 'The VPC link''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-vpc-links'= {
            cand --max-results 'The most items the service returns in one page'
            cand --next-token 'Where the previous page ended'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;update-vpc-link'= {
            cand --name 'A name for the resource (1 to 128 characters)'
            cand --vpc-link-id 'The VPC link''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;delete-vpc-link'= {
            cand --vpc-link-id 'The VPC link''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;create-integration'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --connection-id 'The VPC link id, when --connection-type is VPC_LINK'
            cand --connection-type 'INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link'
            cand --content-handling-strategy 'Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)'
            cand --credentials-arn 'IAM role API Gateway assumes to call the integration'
            cand --description 'Free text describing the resource'
            cand --integration-method 'HTTP method used to call the backend (POST for AWS_PROXY)'
            cand --integration-subtype 'AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage'
            cand --integration-type 'HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only [required]'
            cand --integration-uri 'The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN'
            cand --passthrough-behavior 'What happens to unmapped content types (WebSocket APIs only)'
            cand --payload-format-version 'Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda'
            cand --request-parameters 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path'''
            cand --request-templates 'Mapping templates by content type (WebSocket APIs only)'
            cand --response-parameters 'Response mappings by status code, e.g. ''200={overwrite:statuscode=204}'''
            cand --template-selection-expression 'Selects the mapping template (WebSocket APIs only)'
            cand --timeout-in-millis 'Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum'
            cand --tls-config 'TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-integration'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --integration-id 'The integration''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-integrations'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --max-items 'The most items to print; a NextToken is printed when there are more'
            cand --starting-token 'Continue after a previous call: pass the NextToken it printed'
            cand --page-size 'Accepted for compatibility; the whole list is local, so pages change nothing'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;update-integration'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --connection-id 'The VPC link id, when --connection-type is VPC_LINK'
            cand --connection-type 'INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link'
            cand --content-handling-strategy 'Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)'
            cand --credentials-arn 'IAM role API Gateway assumes to call the integration'
            cand --description 'Free text describing the resource'
            cand --integration-id 'The integration''s identifier (7 characters) [required]'
            cand --integration-method 'HTTP method used to call the backend (POST for AWS_PROXY)'
            cand --integration-subtype 'AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage'
            cand --integration-type 'HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only'
            cand --integration-uri 'The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN'
            cand --passthrough-behavior 'What happens to unmapped content types (WebSocket APIs only)'
            cand --payload-format-version 'Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda'
            cand --request-parameters 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path'''
            cand --request-templates 'Mapping templates by content type (WebSocket APIs only)'
            cand --response-parameters 'Response mappings by status code, e.g. ''200={overwrite:statuscode=204}'''
            cand --template-selection-expression 'Selects the mapping template (WebSocket APIs only)'
            cand --timeout-in-millis 'Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum'
            cand --tls-config 'TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;delete-integration'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --integration-id 'The integration''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;create-route'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --authorization-scopes 'OAuth scopes a JWT route accepts; a token needs at least one of them'
            cand --authorization-type 'Who may call the route: NONE, JWT, AWS_IAM or CUSTOM'
            cand --authorizer-id 'The authorizer''s identifier (6 characters)'
            cand --model-selection-expression 'Selects the request model (WebSocket APIs)'
            cand --operation-name 'A name for the route''s operation'
            cand --request-models 'Request models by content type (WebSocket APIs)'
            cand --request-parameters 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path'''
            cand --route-key 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}'' [required]'
            cand --route-response-selection-expression 'Selects the route response (WebSocket APIs)'
            cand --target 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --api-key-required 'Whether the route needs an API key (WebSocket APIs only)'
            cand --no-api-key-required 'Set ApiKeyRequired to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-route'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --route-id 'The route''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-routes'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --max-items 'The most items to print; a NextToken is printed when there are more'
            cand --starting-token 'Continue after a previous call: pass the NextToken it printed'
            cand --page-size 'Accepted for compatibility; the whole list is local, so pages change nothing'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;update-route'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --authorization-scopes 'OAuth scopes a JWT route accepts; a token needs at least one of them'
            cand --authorization-type 'Who may call the route: NONE, JWT, AWS_IAM or CUSTOM'
            cand --authorizer-id 'The authorizer''s identifier (6 characters)'
            cand --model-selection-expression 'Selects the request model (WebSocket APIs)'
            cand --operation-name 'A name for the route''s operation'
            cand --request-models 'Request models by content type (WebSocket APIs)'
            cand --request-parameters 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path'''
            cand --route-id 'The route''s identifier (7 characters) [required]'
            cand --route-key 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}'''
            cand --route-response-selection-expression 'Selects the route response (WebSocket APIs)'
            cand --target 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --api-key-required 'Whether the route needs an API key (WebSocket APIs only)'
            cand --no-api-key-required 'Set ApiKeyRequired to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;delete-route'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --route-id 'The route''s identifier (7 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;create-stage'= {
            cand --access-log-settings 'Where and how the stage writes access logs'
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --client-certificate-id 'Client certificate for the stage (WebSocket APIs)'
            cand --default-route-settings 'Throttling and logging settings for every route of the stage'
            cand --deployment-id 'The deployment the stage serves'
            cand --description 'Free text describing the resource'
            cand --route-settings 'Per-route throttling and logging settings, by route key'
            cand --stage-name 'The stage''s name: letters, digits, - and _, or $default [required]'
            cand --stage-variables 'Variables of the stage, usable as ${stageVariables.NAME}'
            cand --tags 'Tags as Key=Value pairs'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --auto-deploy 'Deploy every change to the stage at once'
            cand --no-auto-deploy 'Set AutoDeploy to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-stage'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --stage-name 'The stage''s name: letters, digits, - and _, or $default [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-stages'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --max-items 'The most items to print; a NextToken is printed when there are more'
            cand --starting-token 'Continue after a previous call: pass the NextToken it printed'
            cand --page-size 'Accepted for compatibility; the whole list is local, so pages change nothing'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;update-stage'= {
            cand --access-log-settings 'Where and how the stage writes access logs'
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --client-certificate-id 'Client certificate for the stage (WebSocket APIs)'
            cand --default-route-settings 'Throttling and logging settings for every route of the stage'
            cand --deployment-id 'The deployment the stage serves'
            cand --description 'Free text describing the resource'
            cand --route-settings 'Per-route throttling and logging settings, by route key'
            cand --stage-name 'The stage''s name: letters, digits, - and _, or $default [required]'
            cand --stage-variables 'Variables of the stage, usable as ${stageVariables.NAME}'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --auto-deploy 'Deploy every change to the stage at once'
            cand --no-auto-deploy 'Set AutoDeploy to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;delete-stage'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --stage-name 'The stage''s name: letters, digits, - and _, or $default [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;create-authorizer'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --authorizer-credentials-arn 'IAM role API Gateway assumes to call a Lambda authorizer'
            cand --authorizer-payload-format-version 'Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0'
            cand --authorizer-result-ttl-in-seconds 'How long a Lambda authorizer''s answer is cached, 0 to 3600 seconds'
            cand --authorizer-type 'JWT (check bearer tokens) or REQUEST (ask a Lambda function) [required]'
            cand --authorizer-uri 'The Lambda invocation URI of a REQUEST authorizer'
            cand --identity-source 'Where the identity is read, e.g. ''$request.header.Authorization'' [required]'
            cand --identity-validation-expression 'Regular expression an identity must match (REQUEST authorizers)'
            cand --jwt-configuration 'Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com'
            cand --name 'A name for the resource (1 to 128 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --enable-simple-responses 'Let a Lambda authorizer answer with a plain boolean'
            cand --no-enable-simple-responses 'Set EnableSimpleResponses to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-authorizer'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --authorizer-id 'The authorizer''s identifier (6 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;get-authorizers'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --max-items 'The most items to print; a NextToken is printed when there are more'
            cand --starting-token 'Continue after a previous call: pass the NextToken it printed'
            cand --page-size 'Accepted for compatibility; the whole list is local, so pages change nothing'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;update-authorizer'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --authorizer-credentials-arn 'IAM role API Gateway assumes to call a Lambda authorizer'
            cand --authorizer-id 'The authorizer''s identifier (6 characters) [required]'
            cand --authorizer-payload-format-version 'Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0'
            cand --authorizer-result-ttl-in-seconds 'How long a Lambda authorizer''s answer is cached, 0 to 3600 seconds'
            cand --authorizer-type 'JWT (check bearer tokens) or REQUEST (ask a Lambda function)'
            cand --authorizer-uri 'The Lambda invocation URI of a REQUEST authorizer'
            cand --identity-source 'Where the identity is read, e.g. ''$request.header.Authorization'''
            cand --identity-validation-expression 'Regular expression an identity must match (REQUEST authorizers)'
            cand --jwt-configuration 'Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com'
            cand --name 'A name for the resource (1 to 128 characters)'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --enable-simple-responses 'Let a Lambda authorizer answer with a plain boolean'
            cand --no-enable-simple-responses 'Set EnableSimpleResponses to false'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;delete-authorizer'= {
            cand --api-id 'The API''s identifier (10 characters, as create-api printed it) [required]'
            cand --authorizer-id 'The authorizer''s identifier (6 characters) [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;elbv2'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
            cand register-targets 'Register targets (IP and port on this machine) behind a load-balancer listener'
            cand deregister-targets 'Remove targets from a load-balancer listener'
            cand describe-target-health 'Check each target of a listener now and say whether it is healthy, and why not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw;elbv2;register-targets'= {
            cand --listener-arn 'The ELB listener ARN, as the integration''s IntegrationUri names it [required]'
            cand --targets 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002 [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;elbv2;deregister-targets'= {
            cand --listener-arn 'The ELB listener ARN, as the integration''s IntegrationUri names it [required]'
            cand --targets 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002 [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;elbv2;describe-target-health'= {
            cand --listener-arn 'The ELB listener ARN, as the integration''s IntegrationUri names it [required]'
            cand --targets 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;elbv2;help'= {
            cand register-targets 'Register targets (IP and port on this machine) behind a load-balancer listener'
            cand deregister-targets 'Remove targets from a load-balancer listener'
            cand describe-target-health 'Check each target of a listener now and say whether it is healthy, and why not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw;elbv2;help;register-targets'= {
        }
        &'apigw;elbv2;help;deregister-targets'= {
        }
        &'apigw;elbv2;help;describe-target-health'= {
        }
        &'apigw;elbv2;help;help'= {
        }
        &'apigw;servicediscovery'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
            cand register-instance 'Register an instance (address, port and attributes) in a Cloud Map service'
            cand deregister-instance 'Remove an instance from a Cloud Map service'
            cand list-instances 'List the instances of a Cloud Map service'
            cand discover-instances 'Find the instances whose attributes match every query parameter, as API Gateway does'
            cand update-instance-custom-health-status 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw;servicediscovery;register-instance'= {
            cand --service-id 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]'
            cand --instance-id 'An id for the instance, unique within the service [required]'
            cand --creator-request-id 'An idempotency token (accepted; every call is applied)'
            cand --attributes 'Attributes: AWS_INSTANCE_IPV4 (or _IPV6) and AWS_INSTANCE_PORT, plus your own, e.g. stage=prod [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;servicediscovery;deregister-instance'= {
            cand --service-id 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]'
            cand --instance-id 'An id for the instance, unique within the service [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;servicediscovery;list-instances'= {
            cand --service-id 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]'
            cand --max-results 'The most items the service returns in one page'
            cand --next-token 'Where the previous page ended'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;servicediscovery;discover-instances'= {
            cand --service-id 'The Cloud Map service id (srv-…), as in the integration''s service ARN'
            cand --namespace-name 'The namespace of the service (with --service-name, as the AWS CLI takes it)'
            cand --service-name 'The service''s name (with --namespace-name); --service-id is the shorter way'
            cand --max-results 'The most items the service returns in one page'
            cand --query-parameters 'Attributes an instance must all have, e.g. stage=prod,deployment=green_deployment'
            cand --optional-parameters 'Attributes preferred when some instances have them'
            cand --health-status 'Which instances: HEALTHY (default), UNHEALTHY, ALL or HEALTHY_OR_ELSE_ALL'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;servicediscovery;update-instance-custom-health-status'= {
            cand --service-id 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]'
            cand --instance-id 'An id for the instance, unique within the service [required]'
            cand --status 'HEALTHY or UNHEALTHY [required]'
            cand --cli-input-json 'All parameters as one JSON object (or file://path); flags given as well win'
            cand --cli-input-yaml 'All parameters as one YAML mapping (or file://path); flags given as well win'
            cand --generate-cli-skeleton 'Print a template of the input (or output) and do nothing else'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;servicediscovery;help'= {
            cand register-instance 'Register an instance (address, port and attributes) in a Cloud Map service'
            cand deregister-instance 'Remove an instance from a Cloud Map service'
            cand list-instances 'List the instances of a Cloud Map service'
            cand discover-instances 'Find the instances whose attributes match every query parameter, as API Gateway does'
            cand update-instance-custom-health-status 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw;servicediscovery;help;register-instance'= {
        }
        &'apigw;servicediscovery;help;deregister-instance'= {
        }
        &'apigw;servicediscovery;help;list-instances'= {
        }
        &'apigw;servicediscovery;help;discover-instances'= {
        }
        &'apigw;servicediscovery;help;update-instance-custom-health-status'= {
        }
        &'apigw;servicediscovery;help;help'= {
        }
        &'apigw;workspace'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;init'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;completion'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;serve'= {
            cand --api-id 'The API to serve; needed only when the workspace has several'
            cand --listen 'Where to listen: an address or host name and a port; port 0 picks a free port (the address is printed)'
            cand --ca-bundle 'PEM certificates to trust for HTTPS backends and issuers signed by a private CA'
            cand --log-format 'Access log lines on stderr as text or JSON'
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --local-issuer 'Also publish the local issuer (/.well-known/openid-configuration and jwks.json) on this address; its issuer URL is http://ADDR:PORT, the one to give create-authorizer and mint-token'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;mint-token'= {
            cand --issuer 'The iss claim: the authorizer''s Issuer, e.g. http://127.0.0.1:8080 for `apigw serve --local-issuer`'
            cand --audience 'The aud claim: one or more of the authorizer''s audiences'
            cand --scope 'Scopes to grant, written to the scope claim'
            cand --subject 'The sub claim'
            cand --expires-in 'Lifetime: 3600, 45s, 30m, 1h or 2d'
            cand --claims 'More claims as a JSON object, e.g. ''{"email":"a@example.com"}'''
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;generate-docs'= {
            cand --output 'How to print the answer: json (default), yaml, yaml-stream, text, table or off'
            cand --query 'A JMESPath expression applied to the answer before it is printed'
            cand --region 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]'
            cand --workspace 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]'
            cand --color 'Accepted for compatibility with the AWS CLI'
            cand --no-cli-pager 'Accepted for compatibility with the AWS CLI; apigw never pages'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'apigw;help'= {
            cand create-api 'Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)'
            cand get-api 'Show one API'
            cand get-apis 'List the APIs of the workspace'
            cand update-api 'Change an API''s name, description, CORS or other settings'
            cand delete-api 'Delete an API with its integrations, routes, stages and authorizers'
            cand create-vpc-link 'Create a VPC link that private integrations send traffic through'
            cand get-vpc-link 'Show one VPC link'
            cand get-vpc-links 'List the VPC links of the workspace'
            cand update-vpc-link 'Rename a VPC link'
            cand delete-vpc-link 'Delete a VPC link that no integration uses'
            cand create-integration 'Create an integration: where a route''s requests are sent, checked as API Gateway checks it'
            cand get-integration 'Show one integration'
            cand get-integrations 'List the integrations of an API'
            cand update-integration 'Change an integration; the result is checked like a new one'
            cand delete-integration 'Delete an integration that no route targets'
            cand create-route 'Create a route: a method and path (or $default) sent to an integration'
            cand get-route 'Show one route'
            cand get-routes 'List the routes of an API'
            cand update-route 'Change a route''s key, target or authorization'
            cand delete-route 'Delete a route'
            cand create-stage 'Create a stage: the path prefix an API is served under ($default for none)'
            cand get-stage 'Show one stage'
            cand get-stages 'List the stages of an API'
            cand update-stage 'Change a stage''s variables, settings or description'
            cand delete-stage 'Delete a stage'
            cand create-authorizer 'Create an authorizer (JWT: checks bearer tokens against an issuer''s keys)'
            cand get-authorizer 'Show one authorizer'
            cand get-authorizers 'List the authorizers of an API'
            cand update-authorizer 'Change an authorizer'
            cand delete-authorizer 'Delete an authorizer that no route uses'
            cand elbv2 'Targets of the load-balancer listeners that private integrations name'
            cand servicediscovery 'Instances of the Cloud Map services that private integrations name'
            cand workspace 'Show which workspace file is in use, with its account and region'
            cand init 'Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites'
            cand completion 'Print a shell completion script'
            cand serve 'Serve the workspace''s HTTP API on this machine as API Gateway would, until Ctrl-C'
            cand mint-token 'Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes'
            cand generate-docs 'Write the completion scripts and man pages into a folder (used to refresh the committed ones)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'apigw;help;create-api'= {
        }
        &'apigw;help;get-api'= {
        }
        &'apigw;help;get-apis'= {
        }
        &'apigw;help;update-api'= {
        }
        &'apigw;help;delete-api'= {
        }
        &'apigw;help;create-vpc-link'= {
        }
        &'apigw;help;get-vpc-link'= {
        }
        &'apigw;help;get-vpc-links'= {
        }
        &'apigw;help;update-vpc-link'= {
        }
        &'apigw;help;delete-vpc-link'= {
        }
        &'apigw;help;create-integration'= {
        }
        &'apigw;help;get-integration'= {
        }
        &'apigw;help;get-integrations'= {
        }
        &'apigw;help;update-integration'= {
        }
        &'apigw;help;delete-integration'= {
        }
        &'apigw;help;create-route'= {
        }
        &'apigw;help;get-route'= {
        }
        &'apigw;help;get-routes'= {
        }
        &'apigw;help;update-route'= {
        }
        &'apigw;help;delete-route'= {
        }
        &'apigw;help;create-stage'= {
        }
        &'apigw;help;get-stage'= {
        }
        &'apigw;help;get-stages'= {
        }
        &'apigw;help;update-stage'= {
        }
        &'apigw;help;delete-stage'= {
        }
        &'apigw;help;create-authorizer'= {
        }
        &'apigw;help;get-authorizer'= {
        }
        &'apigw;help;get-authorizers'= {
        }
        &'apigw;help;update-authorizer'= {
        }
        &'apigw;help;delete-authorizer'= {
        }
        &'apigw;help;elbv2'= {
            cand register-targets 'Register targets (IP and port on this machine) behind a load-balancer listener'
            cand deregister-targets 'Remove targets from a load-balancer listener'
            cand describe-target-health 'Check each target of a listener now and say whether it is healthy, and why not'
        }
        &'apigw;help;elbv2;register-targets'= {
        }
        &'apigw;help;elbv2;deregister-targets'= {
        }
        &'apigw;help;elbv2;describe-target-health'= {
        }
        &'apigw;help;servicediscovery'= {
            cand register-instance 'Register an instance (address, port and attributes) in a Cloud Map service'
            cand deregister-instance 'Remove an instance from a Cloud Map service'
            cand list-instances 'List the instances of a Cloud Map service'
            cand discover-instances 'Find the instances whose attributes match every query parameter, as API Gateway does'
            cand update-instance-custom-health-status 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic'
        }
        &'apigw;help;servicediscovery;register-instance'= {
        }
        &'apigw;help;servicediscovery;deregister-instance'= {
        }
        &'apigw;help;servicediscovery;list-instances'= {
        }
        &'apigw;help;servicediscovery;discover-instances'= {
        }
        &'apigw;help;servicediscovery;update-instance-custom-health-status'= {
        }
        &'apigw;help;workspace'= {
        }
        &'apigw;help;init'= {
        }
        &'apigw;help;completion'= {
        }
        &'apigw;help;serve'= {
        }
        &'apigw;help;mint-token'= {
        }
        &'apigw;help;generate-docs'= {
        }
        &'apigw;help;help'= {
        }
    ]
    $completions[$command]
}
