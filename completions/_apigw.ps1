
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'apigw' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'apigw'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'apigw' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create-api', 'create-api', [CompletionResultType]::ParameterValue, 'Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)')
            [CompletionResult]::new('get-api', 'get-api', [CompletionResultType]::ParameterValue, 'Show one API')
            [CompletionResult]::new('get-apis', 'get-apis', [CompletionResultType]::ParameterValue, 'List the APIs of the workspace')
            [CompletionResult]::new('update-api', 'update-api', [CompletionResultType]::ParameterValue, 'Change an API''s name, description, CORS or other settings')
            [CompletionResult]::new('delete-api', 'delete-api', [CompletionResultType]::ParameterValue, 'Delete an API with its integrations, routes, stages and authorizers')
            [CompletionResult]::new('create-vpc-link', 'create-vpc-link', [CompletionResultType]::ParameterValue, 'Create a VPC link that private integrations send traffic through')
            [CompletionResult]::new('get-vpc-link', 'get-vpc-link', [CompletionResultType]::ParameterValue, 'Show one VPC link')
            [CompletionResult]::new('get-vpc-links', 'get-vpc-links', [CompletionResultType]::ParameterValue, 'List the VPC links of the workspace')
            [CompletionResult]::new('update-vpc-link', 'update-vpc-link', [CompletionResultType]::ParameterValue, 'Rename a VPC link')
            [CompletionResult]::new('delete-vpc-link', 'delete-vpc-link', [CompletionResultType]::ParameterValue, 'Delete a VPC link that no integration uses')
            [CompletionResult]::new('create-integration', 'create-integration', [CompletionResultType]::ParameterValue, 'Create an integration: where a route''s requests are sent, checked as API Gateway checks it')
            [CompletionResult]::new('get-integration', 'get-integration', [CompletionResultType]::ParameterValue, 'Show one integration')
            [CompletionResult]::new('get-integrations', 'get-integrations', [CompletionResultType]::ParameterValue, 'List the integrations of an API')
            [CompletionResult]::new('update-integration', 'update-integration', [CompletionResultType]::ParameterValue, 'Change an integration; the result is checked like a new one')
            [CompletionResult]::new('delete-integration', 'delete-integration', [CompletionResultType]::ParameterValue, 'Delete an integration that no route targets')
            [CompletionResult]::new('create-route', 'create-route', [CompletionResultType]::ParameterValue, 'Create a route: a method and path (or $default) sent to an integration')
            [CompletionResult]::new('get-route', 'get-route', [CompletionResultType]::ParameterValue, 'Show one route')
            [CompletionResult]::new('get-routes', 'get-routes', [CompletionResultType]::ParameterValue, 'List the routes of an API')
            [CompletionResult]::new('update-route', 'update-route', [CompletionResultType]::ParameterValue, 'Change a route''s key, target or authorization')
            [CompletionResult]::new('delete-route', 'delete-route', [CompletionResultType]::ParameterValue, 'Delete a route')
            [CompletionResult]::new('create-stage', 'create-stage', [CompletionResultType]::ParameterValue, 'Create a stage: the path prefix an API is served under ($default for none)')
            [CompletionResult]::new('get-stage', 'get-stage', [CompletionResultType]::ParameterValue, 'Show one stage')
            [CompletionResult]::new('get-stages', 'get-stages', [CompletionResultType]::ParameterValue, 'List the stages of an API')
            [CompletionResult]::new('update-stage', 'update-stage', [CompletionResultType]::ParameterValue, 'Change a stage''s variables, settings or description')
            [CompletionResult]::new('delete-stage', 'delete-stage', [CompletionResultType]::ParameterValue, 'Delete a stage')
            [CompletionResult]::new('create-authorizer', 'create-authorizer', [CompletionResultType]::ParameterValue, 'Create an authorizer (JWT: checks bearer tokens against an issuer''s keys)')
            [CompletionResult]::new('get-authorizer', 'get-authorizer', [CompletionResultType]::ParameterValue, 'Show one authorizer')
            [CompletionResult]::new('get-authorizers', 'get-authorizers', [CompletionResultType]::ParameterValue, 'List the authorizers of an API')
            [CompletionResult]::new('update-authorizer', 'update-authorizer', [CompletionResultType]::ParameterValue, 'Change an authorizer')
            [CompletionResult]::new('delete-authorizer', 'delete-authorizer', [CompletionResultType]::ParameterValue, 'Delete an authorizer that no route uses')
            [CompletionResult]::new('elbv2', 'elbv2', [CompletionResultType]::ParameterValue, 'Targets of the load-balancer listeners that private integrations name')
            [CompletionResult]::new('servicediscovery', 'servicediscovery', [CompletionResultType]::ParameterValue, 'Instances of the Cloud Map services that private integrations name')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'Show which workspace file is in use, with its account and region')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the workspace''s HTTP API on this machine as API Gateway would, until Ctrl-C')
            [CompletionResult]::new('mint-token', 'mint-token', [CompletionResultType]::ParameterValue, 'Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Write the completion scripts and man pages into a folder (used to refresh the committed ones)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw;create-api' {
            [CompletionResult]::new('--api-key-selection-expression', '--api-key-selection-expression', [CompletionResultType]::ParameterName, 'Where API keys are read from (WebSocket APIs); default $request.header.x-api-key')
            [CompletionResult]::new('--cors-configuration', '--cors-configuration', [CompletionResultType]::ParameterName, 'CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET')
            [CompletionResult]::new('--credentials-arn', '--credentials-arn', [CompletionResultType]::ParameterName, 'IAM role API Gateway assumes to call the integration')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text describing the resource')
            [CompletionResult]::new('--ip-address-type', '--ip-address-type', [CompletionResultType]::ParameterName, 'ipv4 or dualstack')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the resource (1 to 128 characters) [required]')
            [CompletionResult]::new('--protocol-type', '--protocol-type', [CompletionResultType]::ParameterName, 'HTTP or WEBSOCKET [required]')
            [CompletionResult]::new('--route-key', '--route-key', [CompletionResultType]::ParameterName, 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}''')
            [CompletionResult]::new('--route-selection-expression', '--route-selection-expression', [CompletionResultType]::ParameterName, 'How a route is chosen; for HTTP APIs always ''$request.method $request.path''')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags as Key=Value pairs')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'A version label for the API')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--disable-schema-validation', '--disable-schema-validation', [CompletionResultType]::ParameterName, 'Skip schema validation of imported definitions')
            [CompletionResult]::new('--no-disable-schema-validation', '--no-disable-schema-validation', [CompletionResultType]::ParameterName, 'Set DisableSchemaValidation to false')
            [CompletionResult]::new('--disable-execute-api-endpoint', '--disable-execute-api-endpoint', [CompletionResultType]::ParameterName, 'Turn off the default execute-api endpoint')
            [CompletionResult]::new('--no-disable-execute-api-endpoint', '--no-disable-execute-api-endpoint', [CompletionResultType]::ParameterName, 'Set DisableExecuteApiEndpoint to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-api' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-apis' {
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'The most items to print; a NextToken is printed when there are more')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'Continue after a previous call: pass the NextToken it printed')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Accepted for compatibility; the whole list is local, so pages change nothing')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;update-api' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--api-key-selection-expression', '--api-key-selection-expression', [CompletionResultType]::ParameterName, 'Where API keys are read from (WebSocket APIs); default $request.header.x-api-key')
            [CompletionResult]::new('--cors-configuration', '--cors-configuration', [CompletionResultType]::ParameterName, 'CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET')
            [CompletionResult]::new('--credentials-arn', '--credentials-arn', [CompletionResultType]::ParameterName, 'IAM role API Gateway assumes to call the integration')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text describing the resource')
            [CompletionResult]::new('--ip-address-type', '--ip-address-type', [CompletionResultType]::ParameterName, 'ipv4 or dualstack')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the resource (1 to 128 characters)')
            [CompletionResult]::new('--route-key', '--route-key', [CompletionResultType]::ParameterName, 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}''')
            [CompletionResult]::new('--route-selection-expression', '--route-selection-expression', [CompletionResultType]::ParameterName, 'How a route is chosen; for HTTP APIs always ''$request.method $request.path''')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'A version label for the API')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--disable-schema-validation', '--disable-schema-validation', [CompletionResultType]::ParameterName, 'Skip schema validation of imported definitions')
            [CompletionResult]::new('--no-disable-schema-validation', '--no-disable-schema-validation', [CompletionResultType]::ParameterName, 'Set DisableSchemaValidation to false')
            [CompletionResult]::new('--disable-execute-api-endpoint', '--disable-execute-api-endpoint', [CompletionResultType]::ParameterName, 'Turn off the default execute-api endpoint')
            [CompletionResult]::new('--no-disable-execute-api-endpoint', '--no-disable-execute-api-endpoint', [CompletionResultType]::ParameterName, 'Set DisableExecuteApiEndpoint to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;delete-api' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;create-vpc-link' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the resource (1 to 128 characters) [required]')
            [CompletionResult]::new('--security-group-ids', '--security-group-ids', [CompletionResultType]::ParameterName, 'Security groups of the VPC link''s network interfaces')
            [CompletionResult]::new('--subnet-ids', '--subnet-ids', [CompletionResultType]::ParameterName, 'Subnets the VPC link reaches (subnet-…) [required]')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags as Key=Value pairs')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-vpc-link' {
            [CompletionResult]::new('--vpc-link-id', '--vpc-link-id', [CompletionResultType]::ParameterName, 'The VPC link''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-vpc-links' {
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'The most items the service returns in one page')
            [CompletionResult]::new('--next-token', '--next-token', [CompletionResultType]::ParameterName, 'Where the previous page ended')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;update-vpc-link' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the resource (1 to 128 characters)')
            [CompletionResult]::new('--vpc-link-id', '--vpc-link-id', [CompletionResultType]::ParameterName, 'The VPC link''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;delete-vpc-link' {
            [CompletionResult]::new('--vpc-link-id', '--vpc-link-id', [CompletionResultType]::ParameterName, 'The VPC link''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;create-integration' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--connection-id', '--connection-id', [CompletionResultType]::ParameterName, 'The VPC link id, when --connection-type is VPC_LINK')
            [CompletionResult]::new('--connection-type', '--connection-type', [CompletionResultType]::ParameterName, 'INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link')
            [CompletionResult]::new('--content-handling-strategy', '--content-handling-strategy', [CompletionResultType]::ParameterName, 'Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)')
            [CompletionResult]::new('--credentials-arn', '--credentials-arn', [CompletionResultType]::ParameterName, 'IAM role API Gateway assumes to call the integration')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text describing the resource')
            [CompletionResult]::new('--integration-method', '--integration-method', [CompletionResultType]::ParameterName, 'HTTP method used to call the backend (POST for AWS_PROXY)')
            [CompletionResult]::new('--integration-subtype', '--integration-subtype', [CompletionResultType]::ParameterName, 'AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage')
            [CompletionResult]::new('--integration-type', '--integration-type', [CompletionResultType]::ParameterName, 'HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only [required]')
            [CompletionResult]::new('--integration-uri', '--integration-uri', [CompletionResultType]::ParameterName, 'The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN')
            [CompletionResult]::new('--passthrough-behavior', '--passthrough-behavior', [CompletionResultType]::ParameterName, 'What happens to unmapped content types (WebSocket APIs only)')
            [CompletionResult]::new('--payload-format-version', '--payload-format-version', [CompletionResultType]::ParameterName, 'Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda')
            [CompletionResult]::new('--request-parameters', '--request-parameters', [CompletionResultType]::ParameterName, 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path''')
            [CompletionResult]::new('--request-templates', '--request-templates', [CompletionResultType]::ParameterName, 'Mapping templates by content type (WebSocket APIs only)')
            [CompletionResult]::new('--response-parameters', '--response-parameters', [CompletionResultType]::ParameterName, 'Response mappings by status code, e.g. ''200={overwrite:statuscode=204}''')
            [CompletionResult]::new('--template-selection-expression', '--template-selection-expression', [CompletionResultType]::ParameterName, 'Selects the mapping template (WebSocket APIs only)')
            [CompletionResult]::new('--timeout-in-millis', '--timeout-in-millis', [CompletionResultType]::ParameterName, 'Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum')
            [CompletionResult]::new('--tls-config', '--tls-config', [CompletionResultType]::ParameterName, 'TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-integration' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--integration-id', '--integration-id', [CompletionResultType]::ParameterName, 'The integration''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-integrations' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'The most items to print; a NextToken is printed when there are more')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'Continue after a previous call: pass the NextToken it printed')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Accepted for compatibility; the whole list is local, so pages change nothing')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;update-integration' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--connection-id', '--connection-id', [CompletionResultType]::ParameterName, 'The VPC link id, when --connection-type is VPC_LINK')
            [CompletionResult]::new('--connection-type', '--connection-type', [CompletionResultType]::ParameterName, 'INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link')
            [CompletionResult]::new('--content-handling-strategy', '--content-handling-strategy', [CompletionResultType]::ParameterName, 'Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)')
            [CompletionResult]::new('--credentials-arn', '--credentials-arn', [CompletionResultType]::ParameterName, 'IAM role API Gateway assumes to call the integration')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text describing the resource')
            [CompletionResult]::new('--integration-id', '--integration-id', [CompletionResultType]::ParameterName, 'The integration''s identifier (7 characters) [required]')
            [CompletionResult]::new('--integration-method', '--integration-method', [CompletionResultType]::ParameterName, 'HTTP method used to call the backend (POST for AWS_PROXY)')
            [CompletionResult]::new('--integration-subtype', '--integration-subtype', [CompletionResultType]::ParameterName, 'AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage')
            [CompletionResult]::new('--integration-type', '--integration-type', [CompletionResultType]::ParameterName, 'HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only')
            [CompletionResult]::new('--integration-uri', '--integration-uri', [CompletionResultType]::ParameterName, 'The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN')
            [CompletionResult]::new('--passthrough-behavior', '--passthrough-behavior', [CompletionResultType]::ParameterName, 'What happens to unmapped content types (WebSocket APIs only)')
            [CompletionResult]::new('--payload-format-version', '--payload-format-version', [CompletionResultType]::ParameterName, 'Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda')
            [CompletionResult]::new('--request-parameters', '--request-parameters', [CompletionResultType]::ParameterName, 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path''')
            [CompletionResult]::new('--request-templates', '--request-templates', [CompletionResultType]::ParameterName, 'Mapping templates by content type (WebSocket APIs only)')
            [CompletionResult]::new('--response-parameters', '--response-parameters', [CompletionResultType]::ParameterName, 'Response mappings by status code, e.g. ''200={overwrite:statuscode=204}''')
            [CompletionResult]::new('--template-selection-expression', '--template-selection-expression', [CompletionResultType]::ParameterName, 'Selects the mapping template (WebSocket APIs only)')
            [CompletionResult]::new('--timeout-in-millis', '--timeout-in-millis', [CompletionResultType]::ParameterName, 'Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum')
            [CompletionResult]::new('--tls-config', '--tls-config', [CompletionResultType]::ParameterName, 'TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;delete-integration' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--integration-id', '--integration-id', [CompletionResultType]::ParameterName, 'The integration''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;create-route' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--authorization-scopes', '--authorization-scopes', [CompletionResultType]::ParameterName, 'OAuth scopes a JWT route accepts; a token needs at least one of them')
            [CompletionResult]::new('--authorization-type', '--authorization-type', [CompletionResultType]::ParameterName, 'Who may call the route: NONE, JWT, AWS_IAM or CUSTOM')
            [CompletionResult]::new('--authorizer-id', '--authorizer-id', [CompletionResultType]::ParameterName, 'The authorizer''s identifier (6 characters)')
            [CompletionResult]::new('--model-selection-expression', '--model-selection-expression', [CompletionResultType]::ParameterName, 'Selects the request model (WebSocket APIs)')
            [CompletionResult]::new('--operation-name', '--operation-name', [CompletionResultType]::ParameterName, 'A name for the route''s operation')
            [CompletionResult]::new('--request-models', '--request-models', [CompletionResultType]::ParameterName, 'Request models by content type (WebSocket APIs)')
            [CompletionResult]::new('--request-parameters', '--request-parameters', [CompletionResultType]::ParameterName, 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path''')
            [CompletionResult]::new('--route-key', '--route-key', [CompletionResultType]::ParameterName, 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}'' [required]')
            [CompletionResult]::new('--route-response-selection-expression', '--route-response-selection-expression', [CompletionResultType]::ParameterName, 'Selects the route response (WebSocket APIs)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--api-key-required', '--api-key-required', [CompletionResultType]::ParameterName, 'Whether the route needs an API key (WebSocket APIs only)')
            [CompletionResult]::new('--no-api-key-required', '--no-api-key-required', [CompletionResultType]::ParameterName, 'Set ApiKeyRequired to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-route' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--route-id', '--route-id', [CompletionResultType]::ParameterName, 'The route''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-routes' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'The most items to print; a NextToken is printed when there are more')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'Continue after a previous call: pass the NextToken it printed')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Accepted for compatibility; the whole list is local, so pages change nothing')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;update-route' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--authorization-scopes', '--authorization-scopes', [CompletionResultType]::ParameterName, 'OAuth scopes a JWT route accepts; a token needs at least one of them')
            [CompletionResult]::new('--authorization-type', '--authorization-type', [CompletionResultType]::ParameterName, 'Who may call the route: NONE, JWT, AWS_IAM or CUSTOM')
            [CompletionResult]::new('--authorizer-id', '--authorizer-id', [CompletionResultType]::ParameterName, 'The authorizer''s identifier (6 characters)')
            [CompletionResult]::new('--model-selection-expression', '--model-selection-expression', [CompletionResultType]::ParameterName, 'Selects the request model (WebSocket APIs)')
            [CompletionResult]::new('--operation-name', '--operation-name', [CompletionResultType]::ParameterName, 'A name for the route''s operation')
            [CompletionResult]::new('--request-models', '--request-models', [CompletionResultType]::ParameterName, 'Request models by content type (WebSocket APIs)')
            [CompletionResult]::new('--request-parameters', '--request-parameters', [CompletionResultType]::ParameterName, 'Parameter mappings, e.g. ''append:header.x=$request.header.y,overwrite:path=$request.path''')
            [CompletionResult]::new('--route-id', '--route-id', [CompletionResultType]::ParameterName, 'The route''s identifier (7 characters) [required]')
            [CompletionResult]::new('--route-key', '--route-key', [CompletionResultType]::ParameterName, 'The route key: ''$default'' or ''METHOD /path'', e.g. ''GET /pets/{id}''')
            [CompletionResult]::new('--route-response-selection-expression', '--route-response-selection-expression', [CompletionResultType]::ParameterName, 'Selects the route response (WebSocket APIs)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--api-key-required', '--api-key-required', [CompletionResultType]::ParameterName, 'Whether the route needs an API key (WebSocket APIs only)')
            [CompletionResult]::new('--no-api-key-required', '--no-api-key-required', [CompletionResultType]::ParameterName, 'Set ApiKeyRequired to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;delete-route' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--route-id', '--route-id', [CompletionResultType]::ParameterName, 'The route''s identifier (7 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;create-stage' {
            [CompletionResult]::new('--access-log-settings', '--access-log-settings', [CompletionResultType]::ParameterName, 'Where and how the stage writes access logs')
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--client-certificate-id', '--client-certificate-id', [CompletionResultType]::ParameterName, 'Client certificate for the stage (WebSocket APIs)')
            [CompletionResult]::new('--default-route-settings', '--default-route-settings', [CompletionResultType]::ParameterName, 'Throttling and logging settings for every route of the stage')
            [CompletionResult]::new('--deployment-id', '--deployment-id', [CompletionResultType]::ParameterName, 'The deployment the stage serves')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text describing the resource')
            [CompletionResult]::new('--route-settings', '--route-settings', [CompletionResultType]::ParameterName, 'Per-route throttling and logging settings, by route key')
            [CompletionResult]::new('--stage-name', '--stage-name', [CompletionResultType]::ParameterName, 'The stage''s name: letters, digits, - and _, or $default [required]')
            [CompletionResult]::new('--stage-variables', '--stage-variables', [CompletionResultType]::ParameterName, 'Variables of the stage, usable as ${stageVariables.NAME}')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Tags as Key=Value pairs')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--auto-deploy', '--auto-deploy', [CompletionResultType]::ParameterName, 'Deploy every change to the stage at once')
            [CompletionResult]::new('--no-auto-deploy', '--no-auto-deploy', [CompletionResultType]::ParameterName, 'Set AutoDeploy to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-stage' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--stage-name', '--stage-name', [CompletionResultType]::ParameterName, 'The stage''s name: letters, digits, - and _, or $default [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-stages' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'The most items to print; a NextToken is printed when there are more')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'Continue after a previous call: pass the NextToken it printed')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Accepted for compatibility; the whole list is local, so pages change nothing')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;update-stage' {
            [CompletionResult]::new('--access-log-settings', '--access-log-settings', [CompletionResultType]::ParameterName, 'Where and how the stage writes access logs')
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--client-certificate-id', '--client-certificate-id', [CompletionResultType]::ParameterName, 'Client certificate for the stage (WebSocket APIs)')
            [CompletionResult]::new('--default-route-settings', '--default-route-settings', [CompletionResultType]::ParameterName, 'Throttling and logging settings for every route of the stage')
            [CompletionResult]::new('--deployment-id', '--deployment-id', [CompletionResultType]::ParameterName, 'The deployment the stage serves')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Free text describing the resource')
            [CompletionResult]::new('--route-settings', '--route-settings', [CompletionResultType]::ParameterName, 'Per-route throttling and logging settings, by route key')
            [CompletionResult]::new('--stage-name', '--stage-name', [CompletionResultType]::ParameterName, 'The stage''s name: letters, digits, - and _, or $default [required]')
            [CompletionResult]::new('--stage-variables', '--stage-variables', [CompletionResultType]::ParameterName, 'Variables of the stage, usable as ${stageVariables.NAME}')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--auto-deploy', '--auto-deploy', [CompletionResultType]::ParameterName, 'Deploy every change to the stage at once')
            [CompletionResult]::new('--no-auto-deploy', '--no-auto-deploy', [CompletionResultType]::ParameterName, 'Set AutoDeploy to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;delete-stage' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--stage-name', '--stage-name', [CompletionResultType]::ParameterName, 'The stage''s name: letters, digits, - and _, or $default [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;create-authorizer' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--authorizer-credentials-arn', '--authorizer-credentials-arn', [CompletionResultType]::ParameterName, 'IAM role API Gateway assumes to call a Lambda authorizer')
            [CompletionResult]::new('--authorizer-payload-format-version', '--authorizer-payload-format-version', [CompletionResultType]::ParameterName, 'Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0')
            [CompletionResult]::new('--authorizer-result-ttl-in-seconds', '--authorizer-result-ttl-in-seconds', [CompletionResultType]::ParameterName, 'How long a Lambda authorizer''s answer is cached, 0 to 3600 seconds')
            [CompletionResult]::new('--authorizer-type', '--authorizer-type', [CompletionResultType]::ParameterName, 'JWT (check bearer tokens) or REQUEST (ask a Lambda function) [required]')
            [CompletionResult]::new('--authorizer-uri', '--authorizer-uri', [CompletionResultType]::ParameterName, 'The Lambda invocation URI of a REQUEST authorizer')
            [CompletionResult]::new('--identity-source', '--identity-source', [CompletionResultType]::ParameterName, 'Where the identity is read, e.g. ''$request.header.Authorization'' [required]')
            [CompletionResult]::new('--identity-validation-expression', '--identity-validation-expression', [CompletionResultType]::ParameterName, 'Regular expression an identity must match (REQUEST authorizers)')
            [CompletionResult]::new('--jwt-configuration', '--jwt-configuration', [CompletionResultType]::ParameterName, 'Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the resource (1 to 128 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--enable-simple-responses', '--enable-simple-responses', [CompletionResultType]::ParameterName, 'Let a Lambda authorizer answer with a plain boolean')
            [CompletionResult]::new('--no-enable-simple-responses', '--no-enable-simple-responses', [CompletionResultType]::ParameterName, 'Set EnableSimpleResponses to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-authorizer' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--authorizer-id', '--authorizer-id', [CompletionResultType]::ParameterName, 'The authorizer''s identifier (6 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;get-authorizers' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'The most items to print; a NextToken is printed when there are more')
            [CompletionResult]::new('--starting-token', '--starting-token', [CompletionResultType]::ParameterName, 'Continue after a previous call: pass the NextToken it printed')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Accepted for compatibility; the whole list is local, so pages change nothing')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;update-authorizer' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--authorizer-credentials-arn', '--authorizer-credentials-arn', [CompletionResultType]::ParameterName, 'IAM role API Gateway assumes to call a Lambda authorizer')
            [CompletionResult]::new('--authorizer-id', '--authorizer-id', [CompletionResultType]::ParameterName, 'The authorizer''s identifier (6 characters) [required]')
            [CompletionResult]::new('--authorizer-payload-format-version', '--authorizer-payload-format-version', [CompletionResultType]::ParameterName, 'Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0')
            [CompletionResult]::new('--authorizer-result-ttl-in-seconds', '--authorizer-result-ttl-in-seconds', [CompletionResultType]::ParameterName, 'How long a Lambda authorizer''s answer is cached, 0 to 3600 seconds')
            [CompletionResult]::new('--authorizer-type', '--authorizer-type', [CompletionResultType]::ParameterName, 'JWT (check bearer tokens) or REQUEST (ask a Lambda function)')
            [CompletionResult]::new('--authorizer-uri', '--authorizer-uri', [CompletionResultType]::ParameterName, 'The Lambda invocation URI of a REQUEST authorizer')
            [CompletionResult]::new('--identity-source', '--identity-source', [CompletionResultType]::ParameterName, 'Where the identity is read, e.g. ''$request.header.Authorization''')
            [CompletionResult]::new('--identity-validation-expression', '--identity-validation-expression', [CompletionResultType]::ParameterName, 'Regular expression an identity must match (REQUEST authorizers)')
            [CompletionResult]::new('--jwt-configuration', '--jwt-configuration', [CompletionResultType]::ParameterName, 'Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the resource (1 to 128 characters)')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--enable-simple-responses', '--enable-simple-responses', [CompletionResultType]::ParameterName, 'Let a Lambda authorizer answer with a plain boolean')
            [CompletionResult]::new('--no-enable-simple-responses', '--no-enable-simple-responses', [CompletionResultType]::ParameterName, 'Set EnableSimpleResponses to false')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;delete-authorizer' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API''s identifier (10 characters, as create-api printed it) [required]')
            [CompletionResult]::new('--authorizer-id', '--authorizer-id', [CompletionResultType]::ParameterName, 'The authorizer''s identifier (6 characters) [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;elbv2' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('register-targets', 'register-targets', [CompletionResultType]::ParameterValue, 'Register targets (IP and port on this machine) behind a load-balancer listener')
            [CompletionResult]::new('deregister-targets', 'deregister-targets', [CompletionResultType]::ParameterValue, 'Remove targets from a load-balancer listener')
            [CompletionResult]::new('describe-target-health', 'describe-target-health', [CompletionResultType]::ParameterValue, 'Check each target of a listener now and say whether it is healthy, and why not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw;elbv2;register-targets' {
            [CompletionResult]::new('--listener-arn', '--listener-arn', [CompletionResultType]::ParameterName, 'The ELB listener ARN, as the integration''s IntegrationUri names it [required]')
            [CompletionResult]::new('--targets', '--targets', [CompletionResultType]::ParameterName, 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002 [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;elbv2;deregister-targets' {
            [CompletionResult]::new('--listener-arn', '--listener-arn', [CompletionResultType]::ParameterName, 'The ELB listener ARN, as the integration''s IntegrationUri names it [required]')
            [CompletionResult]::new('--targets', '--targets', [CompletionResultType]::ParameterName, 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002 [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;elbv2;describe-target-health' {
            [CompletionResult]::new('--listener-arn', '--listener-arn', [CompletionResultType]::ParameterName, 'The ELB listener ARN, as the integration''s IntegrationUri names it [required]')
            [CompletionResult]::new('--targets', '--targets', [CompletionResultType]::ParameterName, 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;elbv2;help' {
            [CompletionResult]::new('register-targets', 'register-targets', [CompletionResultType]::ParameterValue, 'Register targets (IP and port on this machine) behind a load-balancer listener')
            [CompletionResult]::new('deregister-targets', 'deregister-targets', [CompletionResultType]::ParameterValue, 'Remove targets from a load-balancer listener')
            [CompletionResult]::new('describe-target-health', 'describe-target-health', [CompletionResultType]::ParameterValue, 'Check each target of a listener now and say whether it is healthy, and why not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw;elbv2;help;register-targets' {
            break
        }
        'apigw;elbv2;help;deregister-targets' {
            break
        }
        'apigw;elbv2;help;describe-target-health' {
            break
        }
        'apigw;elbv2;help;help' {
            break
        }
        'apigw;servicediscovery' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('register-instance', 'register-instance', [CompletionResultType]::ParameterValue, 'Register an instance (address, port and attributes) in a Cloud Map service')
            [CompletionResult]::new('deregister-instance', 'deregister-instance', [CompletionResultType]::ParameterValue, 'Remove an instance from a Cloud Map service')
            [CompletionResult]::new('list-instances', 'list-instances', [CompletionResultType]::ParameterValue, 'List the instances of a Cloud Map service')
            [CompletionResult]::new('discover-instances', 'discover-instances', [CompletionResultType]::ParameterValue, 'Find the instances whose attributes match every query parameter, as API Gateway does')
            [CompletionResult]::new('update-instance-custom-health-status', 'update-instance-custom-health-status', [CompletionResultType]::ParameterValue, 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw;servicediscovery;register-instance' {
            [CompletionResult]::new('--service-id', '--service-id', [CompletionResultType]::ParameterName, 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'An id for the instance, unique within the service [required]')
            [CompletionResult]::new('--creator-request-id', '--creator-request-id', [CompletionResultType]::ParameterName, 'An idempotency token (accepted; every call is applied)')
            [CompletionResult]::new('--attributes', '--attributes', [CompletionResultType]::ParameterName, 'Attributes: AWS_INSTANCE_IPV4 (or _IPV6) and AWS_INSTANCE_PORT, plus your own, e.g. stage=prod [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;servicediscovery;deregister-instance' {
            [CompletionResult]::new('--service-id', '--service-id', [CompletionResultType]::ParameterName, 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'An id for the instance, unique within the service [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;servicediscovery;list-instances' {
            [CompletionResult]::new('--service-id', '--service-id', [CompletionResultType]::ParameterName, 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'The most items the service returns in one page')
            [CompletionResult]::new('--next-token', '--next-token', [CompletionResultType]::ParameterName, 'Where the previous page ended')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;servicediscovery;discover-instances' {
            [CompletionResult]::new('--service-id', '--service-id', [CompletionResultType]::ParameterName, 'The Cloud Map service id (srv-…), as in the integration''s service ARN')
            [CompletionResult]::new('--namespace-name', '--namespace-name', [CompletionResultType]::ParameterName, 'The namespace of the service (with --service-name, as the AWS CLI takes it)')
            [CompletionResult]::new('--service-name', '--service-name', [CompletionResultType]::ParameterName, 'The service''s name (with --namespace-name); --service-id is the shorter way')
            [CompletionResult]::new('--max-results', '--max-results', [CompletionResultType]::ParameterName, 'The most items the service returns in one page')
            [CompletionResult]::new('--query-parameters', '--query-parameters', [CompletionResultType]::ParameterName, 'Attributes an instance must all have, e.g. stage=prod,deployment=green_deployment')
            [CompletionResult]::new('--optional-parameters', '--optional-parameters', [CompletionResultType]::ParameterName, 'Attributes preferred when some instances have them')
            [CompletionResult]::new('--health-status', '--health-status', [CompletionResultType]::ParameterName, 'Which instances: HEALTHY (default), UNHEALTHY, ALL or HEALTHY_OR_ELSE_ALL')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;servicediscovery;update-instance-custom-health-status' {
            [CompletionResult]::new('--service-id', '--service-id', [CompletionResultType]::ParameterName, 'The Cloud Map service id (srv-…), as in the integration''s service ARN [required]')
            [CompletionResult]::new('--instance-id', '--instance-id', [CompletionResultType]::ParameterName, 'An id for the instance, unique within the service [required]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'HEALTHY or UNHEALTHY [required]')
            [CompletionResult]::new('--cli-input-json', '--cli-input-json', [CompletionResultType]::ParameterName, 'All parameters as one JSON object (or file://path); flags given as well win')
            [CompletionResult]::new('--cli-input-yaml', '--cli-input-yaml', [CompletionResultType]::ParameterName, 'All parameters as one YAML mapping (or file://path); flags given as well win')
            [CompletionResult]::new('--generate-cli-skeleton', '--generate-cli-skeleton', [CompletionResultType]::ParameterName, 'Print a template of the input (or output) and do nothing else')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;servicediscovery;help' {
            [CompletionResult]::new('register-instance', 'register-instance', [CompletionResultType]::ParameterValue, 'Register an instance (address, port and attributes) in a Cloud Map service')
            [CompletionResult]::new('deregister-instance', 'deregister-instance', [CompletionResultType]::ParameterValue, 'Remove an instance from a Cloud Map service')
            [CompletionResult]::new('list-instances', 'list-instances', [CompletionResultType]::ParameterValue, 'List the instances of a Cloud Map service')
            [CompletionResult]::new('discover-instances', 'discover-instances', [CompletionResultType]::ParameterValue, 'Find the instances whose attributes match every query parameter, as API Gateway does')
            [CompletionResult]::new('update-instance-custom-health-status', 'update-instance-custom-health-status', [CompletionResultType]::ParameterValue, 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw;servicediscovery;help;register-instance' {
            break
        }
        'apigw;servicediscovery;help;deregister-instance' {
            break
        }
        'apigw;servicediscovery;help;list-instances' {
            break
        }
        'apigw;servicediscovery;help;discover-instances' {
            break
        }
        'apigw;servicediscovery;help;update-instance-custom-health-status' {
            break
        }
        'apigw;servicediscovery;help;help' {
            break
        }
        'apigw;workspace' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;init' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;completion' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;serve' {
            [CompletionResult]::new('--api-id', '--api-id', [CompletionResultType]::ParameterName, 'The API to serve; needed only when the workspace has several')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where to listen: an address or host name and a port; port 0 picks a free port (the address is printed)')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM certificates to trust for HTTPS backends and issuers signed by a private CA')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Access log lines on stderr as text or JSON')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--local-issuer', '--local-issuer', [CompletionResultType]::ParameterName, 'Also publish the local issuer (/.well-known/openid-configuration and jwks.json) on this address; its issuer URL is http://ADDR:PORT, the one to give create-authorizer and mint-token')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;mint-token' {
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The iss claim: the authorizer''s Issuer, e.g. http://127.0.0.1:8080 for `apigw serve --local-issuer`')
            [CompletionResult]::new('--audience', '--audience', [CompletionResultType]::ParameterName, 'The aud claim: one or more of the authorizer''s audiences')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Scopes to grant, written to the scope claim')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'The sub claim')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Lifetime: 3600, 45s, 30m, 1h or 2d')
            [CompletionResult]::new('--claims', '--claims', [CompletionResultType]::ParameterName, 'More claims as a JSON object, e.g. ''{"email":"a@example.com"}''')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;generate-docs' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'How to print the answer: json (default), yaml, yaml-stream, text, table or off')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A JMESPath expression applied to the answer before it is printed')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace''s]')
            [CompletionResult]::new('--workspace', '--workspace', [CompletionResultType]::ParameterName, 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI')
            [CompletionResult]::new('--no-cli-pager', '--no-cli-pager', [CompletionResultType]::ParameterName, 'Accepted for compatibility with the AWS CLI; apigw never pages')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'apigw;help' {
            [CompletionResult]::new('create-api', 'create-api', [CompletionResultType]::ParameterValue, 'Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)')
            [CompletionResult]::new('get-api', 'get-api', [CompletionResultType]::ParameterValue, 'Show one API')
            [CompletionResult]::new('get-apis', 'get-apis', [CompletionResultType]::ParameterValue, 'List the APIs of the workspace')
            [CompletionResult]::new('update-api', 'update-api', [CompletionResultType]::ParameterValue, 'Change an API''s name, description, CORS or other settings')
            [CompletionResult]::new('delete-api', 'delete-api', [CompletionResultType]::ParameterValue, 'Delete an API with its integrations, routes, stages and authorizers')
            [CompletionResult]::new('create-vpc-link', 'create-vpc-link', [CompletionResultType]::ParameterValue, 'Create a VPC link that private integrations send traffic through')
            [CompletionResult]::new('get-vpc-link', 'get-vpc-link', [CompletionResultType]::ParameterValue, 'Show one VPC link')
            [CompletionResult]::new('get-vpc-links', 'get-vpc-links', [CompletionResultType]::ParameterValue, 'List the VPC links of the workspace')
            [CompletionResult]::new('update-vpc-link', 'update-vpc-link', [CompletionResultType]::ParameterValue, 'Rename a VPC link')
            [CompletionResult]::new('delete-vpc-link', 'delete-vpc-link', [CompletionResultType]::ParameterValue, 'Delete a VPC link that no integration uses')
            [CompletionResult]::new('create-integration', 'create-integration', [CompletionResultType]::ParameterValue, 'Create an integration: where a route''s requests are sent, checked as API Gateway checks it')
            [CompletionResult]::new('get-integration', 'get-integration', [CompletionResultType]::ParameterValue, 'Show one integration')
            [CompletionResult]::new('get-integrations', 'get-integrations', [CompletionResultType]::ParameterValue, 'List the integrations of an API')
            [CompletionResult]::new('update-integration', 'update-integration', [CompletionResultType]::ParameterValue, 'Change an integration; the result is checked like a new one')
            [CompletionResult]::new('delete-integration', 'delete-integration', [CompletionResultType]::ParameterValue, 'Delete an integration that no route targets')
            [CompletionResult]::new('create-route', 'create-route', [CompletionResultType]::ParameterValue, 'Create a route: a method and path (or $default) sent to an integration')
            [CompletionResult]::new('get-route', 'get-route', [CompletionResultType]::ParameterValue, 'Show one route')
            [CompletionResult]::new('get-routes', 'get-routes', [CompletionResultType]::ParameterValue, 'List the routes of an API')
            [CompletionResult]::new('update-route', 'update-route', [CompletionResultType]::ParameterValue, 'Change a route''s key, target or authorization')
            [CompletionResult]::new('delete-route', 'delete-route', [CompletionResultType]::ParameterValue, 'Delete a route')
            [CompletionResult]::new('create-stage', 'create-stage', [CompletionResultType]::ParameterValue, 'Create a stage: the path prefix an API is served under ($default for none)')
            [CompletionResult]::new('get-stage', 'get-stage', [CompletionResultType]::ParameterValue, 'Show one stage')
            [CompletionResult]::new('get-stages', 'get-stages', [CompletionResultType]::ParameterValue, 'List the stages of an API')
            [CompletionResult]::new('update-stage', 'update-stage', [CompletionResultType]::ParameterValue, 'Change a stage''s variables, settings or description')
            [CompletionResult]::new('delete-stage', 'delete-stage', [CompletionResultType]::ParameterValue, 'Delete a stage')
            [CompletionResult]::new('create-authorizer', 'create-authorizer', [CompletionResultType]::ParameterValue, 'Create an authorizer (JWT: checks bearer tokens against an issuer''s keys)')
            [CompletionResult]::new('get-authorizer', 'get-authorizer', [CompletionResultType]::ParameterValue, 'Show one authorizer')
            [CompletionResult]::new('get-authorizers', 'get-authorizers', [CompletionResultType]::ParameterValue, 'List the authorizers of an API')
            [CompletionResult]::new('update-authorizer', 'update-authorizer', [CompletionResultType]::ParameterValue, 'Change an authorizer')
            [CompletionResult]::new('delete-authorizer', 'delete-authorizer', [CompletionResultType]::ParameterValue, 'Delete an authorizer that no route uses')
            [CompletionResult]::new('elbv2', 'elbv2', [CompletionResultType]::ParameterValue, 'Targets of the load-balancer listeners that private integrations name')
            [CompletionResult]::new('servicediscovery', 'servicediscovery', [CompletionResultType]::ParameterValue, 'Instances of the Cloud Map services that private integrations name')
            [CompletionResult]::new('workspace', 'workspace', [CompletionResultType]::ParameterValue, 'Show which workspace file is in use, with its account and region')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the workspace''s HTTP API on this machine as API Gateway would, until Ctrl-C')
            [CompletionResult]::new('mint-token', 'mint-token', [CompletionResultType]::ParameterValue, 'Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes')
            [CompletionResult]::new('generate-docs', 'generate-docs', [CompletionResultType]::ParameterValue, 'Write the completion scripts and man pages into a folder (used to refresh the committed ones)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'apigw;help;create-api' {
            break
        }
        'apigw;help;get-api' {
            break
        }
        'apigw;help;get-apis' {
            break
        }
        'apigw;help;update-api' {
            break
        }
        'apigw;help;delete-api' {
            break
        }
        'apigw;help;create-vpc-link' {
            break
        }
        'apigw;help;get-vpc-link' {
            break
        }
        'apigw;help;get-vpc-links' {
            break
        }
        'apigw;help;update-vpc-link' {
            break
        }
        'apigw;help;delete-vpc-link' {
            break
        }
        'apigw;help;create-integration' {
            break
        }
        'apigw;help;get-integration' {
            break
        }
        'apigw;help;get-integrations' {
            break
        }
        'apigw;help;update-integration' {
            break
        }
        'apigw;help;delete-integration' {
            break
        }
        'apigw;help;create-route' {
            break
        }
        'apigw;help;get-route' {
            break
        }
        'apigw;help;get-routes' {
            break
        }
        'apigw;help;update-route' {
            break
        }
        'apigw;help;delete-route' {
            break
        }
        'apigw;help;create-stage' {
            break
        }
        'apigw;help;get-stage' {
            break
        }
        'apigw;help;get-stages' {
            break
        }
        'apigw;help;update-stage' {
            break
        }
        'apigw;help;delete-stage' {
            break
        }
        'apigw;help;create-authorizer' {
            break
        }
        'apigw;help;get-authorizer' {
            break
        }
        'apigw;help;get-authorizers' {
            break
        }
        'apigw;help;update-authorizer' {
            break
        }
        'apigw;help;delete-authorizer' {
            break
        }
        'apigw;help;elbv2' {
            [CompletionResult]::new('register-targets', 'register-targets', [CompletionResultType]::ParameterValue, 'Register targets (IP and port on this machine) behind a load-balancer listener')
            [CompletionResult]::new('deregister-targets', 'deregister-targets', [CompletionResultType]::ParameterValue, 'Remove targets from a load-balancer listener')
            [CompletionResult]::new('describe-target-health', 'describe-target-health', [CompletionResultType]::ParameterValue, 'Check each target of a listener now and say whether it is healthy, and why not')
            break
        }
        'apigw;help;elbv2;register-targets' {
            break
        }
        'apigw;help;elbv2;deregister-targets' {
            break
        }
        'apigw;help;elbv2;describe-target-health' {
            break
        }
        'apigw;help;servicediscovery' {
            [CompletionResult]::new('register-instance', 'register-instance', [CompletionResultType]::ParameterValue, 'Register an instance (address, port and attributes) in a Cloud Map service')
            [CompletionResult]::new('deregister-instance', 'deregister-instance', [CompletionResultType]::ParameterValue, 'Remove an instance from a Cloud Map service')
            [CompletionResult]::new('list-instances', 'list-instances', [CompletionResultType]::ParameterValue, 'List the instances of a Cloud Map service')
            [CompletionResult]::new('discover-instances', 'discover-instances', [CompletionResultType]::ParameterValue, 'Find the instances whose attributes match every query parameter, as API Gateway does')
            [CompletionResult]::new('update-instance-custom-health-status', 'update-instance-custom-health-status', [CompletionResultType]::ParameterValue, 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic')
            break
        }
        'apigw;help;servicediscovery;register-instance' {
            break
        }
        'apigw;help;servicediscovery;deregister-instance' {
            break
        }
        'apigw;help;servicediscovery;list-instances' {
            break
        }
        'apigw;help;servicediscovery;discover-instances' {
            break
        }
        'apigw;help;servicediscovery;update-instance-custom-health-status' {
            break
        }
        'apigw;help;workspace' {
            break
        }
        'apigw;help;init' {
            break
        }
        'apigw;help;completion' {
            break
        }
        'apigw;help;serve' {
            break
        }
        'apigw;help;mint-token' {
            break
        }
        'apigw;help;generate-docs' {
            break
        }
        'apigw;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
