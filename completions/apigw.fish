# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_apigw_global_optspecs
    string join \n output= query= region= workspace= no-cli-pager color= h/help V/version
end

function __fish_apigw_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_apigw_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_apigw_using_subcommand
    set -l cmd (__fish_apigw_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c apigw -n "__fish_apigw_needs_command" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_needs_command" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_needs_command" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_needs_command" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_needs_command" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_needs_command" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_needs_command" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_needs_command" -s V -l version -d 'Print version'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "create-api" -d 'Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-api" -d 'Show one API'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-apis" -d 'List the APIs of the workspace'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "update-api" -d 'Change an API\'s name, description, CORS or other settings'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "delete-api" -d 'Delete an API with its integrations, routes, stages and authorizers'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "create-vpc-link" -d 'Create a VPC link that private integrations send traffic through'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-vpc-link" -d 'Show one VPC link'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-vpc-links" -d 'List the VPC links of the workspace'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "update-vpc-link" -d 'Rename a VPC link'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "delete-vpc-link" -d 'Delete a VPC link that no integration uses'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "create-integration" -d 'Create an integration: where a route\'s requests are sent, checked as API Gateway checks it'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-integration" -d 'Show one integration'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-integrations" -d 'List the integrations of an API'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "update-integration" -d 'Change an integration; the result is checked like a new one'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "delete-integration" -d 'Delete an integration that no route targets'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "create-route" -d 'Create a route: a method and path (or $default) sent to an integration'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-route" -d 'Show one route'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-routes" -d 'List the routes of an API'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "update-route" -d 'Change a route\'s key, target or authorization'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "delete-route" -d 'Delete a route'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "create-stage" -d 'Create a stage: the path prefix an API is served under ($default for none)'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-stage" -d 'Show one stage'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-stages" -d 'List the stages of an API'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "update-stage" -d 'Change a stage\'s variables, settings or description'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "delete-stage" -d 'Delete a stage'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "create-authorizer" -d 'Create an authorizer (JWT: checks bearer tokens against an issuer\'s keys)'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-authorizer" -d 'Show one authorizer'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "get-authorizers" -d 'List the authorizers of an API'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "update-authorizer" -d 'Change an authorizer'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "delete-authorizer" -d 'Delete an authorizer that no route uses'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "elbv2" -d 'Targets of the load-balancer listeners that private integrations name'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "servicediscovery" -d 'Instances of the Cloud Map services that private integrations name'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "workspace" -d 'Show which workspace file is in use, with its account and region'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "init" -d 'Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "serve" -d 'Serve the workspace\'s HTTP API on this machine as API Gateway would, until Ctrl-C'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "mint-token" -d 'Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "generate-docs" -d 'Write the completion scripts and man pages into a folder (used to refresh the committed ones)'
complete -c apigw -n "__fish_apigw_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l api-key-selection-expression -d 'Where API keys are read from (WebSocket APIs); default $request.header.x-api-key' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l cors-configuration -d 'CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l credentials-arn -d 'IAM role API Gateway assumes to call the integration' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l description -d 'Free text describing the resource' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l ip-address-type -d 'ipv4 or dualstack' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l name -d 'A name for the resource (1 to 128 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l protocol-type -d 'HTTP or WEBSOCKET [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l route-key -d 'The route key: \'$default\' or \'METHOD /path\', e.g. \'GET /pets/{id}\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l route-selection-expression -d 'How a route is chosen; for HTTP APIs always \'$request.method $request.path\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l tags -d 'Tags as Key=Value pairs' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l target -d 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l version -d 'A version label for the API' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l disable-schema-validation -d 'Skip schema validation of imported definitions'
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l no-disable-schema-validation -d 'Set DisableSchemaValidation to false'
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l disable-execute-api-endpoint -d 'Turn off the default execute-api endpoint'
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l no-disable-execute-api-endpoint -d 'Set DisableExecuteApiEndpoint to false'
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand create-api" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-api" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l max-items -d 'The most items to print; a NextToken is printed when there are more' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l starting-token -d 'Continue after a previous call: pass the NextToken it printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l page-size -d 'Accepted for compatibility; the whole list is local, so pages change nothing' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-apis" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l api-key-selection-expression -d 'Where API keys are read from (WebSocket APIs); default $request.header.x-api-key' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l cors-configuration -d 'CORS settings of an HTTP API, e.g. AllowOrigins=https://example.com,AllowMethods=GET' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l credentials-arn -d 'IAM role API Gateway assumes to call the integration' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l description -d 'Free text describing the resource' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l ip-address-type -d 'ipv4 or dualstack' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l name -d 'A name for the resource (1 to 128 characters)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l route-key -d 'The route key: \'$default\' or \'METHOD /path\', e.g. \'GET /pets/{id}\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l route-selection-expression -d 'How a route is chosen; for HTTP APIs always \'$request.method $request.path\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l target -d 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l version -d 'A version label for the API' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l disable-schema-validation -d 'Skip schema validation of imported definitions'
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l no-disable-schema-validation -d 'Set DisableSchemaValidation to false'
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l disable-execute-api-endpoint -d 'Turn off the default execute-api endpoint'
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l no-disable-execute-api-endpoint -d 'Set DisableExecuteApiEndpoint to false'
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand update-api" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand delete-api" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l name -d 'A name for the resource (1 to 128 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l security-group-ids -d 'Security groups of the VPC link\'s network interfaces' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l subnet-ids -d 'Subnets the VPC link reaches (subnet-…) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l tags -d 'Tags as Key=Value pairs' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand create-vpc-link" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l vpc-link-id -d 'The VPC link\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-link" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l max-results -d 'The most items the service returns in one page' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l next-token -d 'Where the previous page ended' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-vpc-links" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l name -d 'A name for the resource (1 to 128 characters)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l vpc-link-id -d 'The VPC link\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand update-vpc-link" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l vpc-link-id -d 'The VPC link\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand delete-vpc-link" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l connection-id -d 'The VPC link id, when --connection-type is VPC_LINK' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l connection-type -d 'INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l content-handling-strategy -d 'Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l credentials-arn -d 'IAM role API Gateway assumes to call the integration' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l description -d 'Free text describing the resource' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l integration-method -d 'HTTP method used to call the backend (POST for AWS_PROXY)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l integration-subtype -d 'AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l integration-type -d 'HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l integration-uri -d 'The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l passthrough-behavior -d 'What happens to unmapped content types (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l payload-format-version -d 'Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l request-parameters -d 'Parameter mappings, e.g. \'append:header.x=$request.header.y,overwrite:path=$request.path\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l request-templates -d 'Mapping templates by content type (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l response-parameters -d 'Response mappings by status code, e.g. \'200={overwrite:statuscode=204}\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l template-selection-expression -d 'Selects the mapping template (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l timeout-in-millis -d 'Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l tls-config -d 'TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand create-integration" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l integration-id -d 'The integration\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-integration" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l max-items -d 'The most items to print; a NextToken is printed when there are more' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l starting-token -d 'Continue after a previous call: pass the NextToken it printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l page-size -d 'Accepted for compatibility; the whole list is local, so pages change nothing' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-integrations" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l connection-id -d 'The VPC link id, when --connection-type is VPC_LINK' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l connection-type -d 'INTERNET (default) for public endpoints, VPC_LINK for private ones behind a VPC link' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l content-handling-strategy -d 'Payload conversion, CONVERT_TO_BINARY or CONVERT_TO_TEXT (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l credentials-arn -d 'IAM role API Gateway assumes to call the integration' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l description -d 'Free text describing the resource' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l integration-id -d 'The integration\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l integration-method -d 'HTTP method used to call the backend (POST for AWS_PROXY)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l integration-subtype -d 'AWS service action of an AWS_PROXY integration, e.g. SQS-SendMessage' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l integration-type -d 'HTTP_PROXY (an HTTP backend) or AWS_PROXY (Lambda); AWS, HTTP and MOCK are WebSocket only' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l integration-uri -d 'The backend: a URL, an ELB listener ARN or Cloud Map service ARN (VPC_LINK), or a Lambda ARN' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l passthrough-behavior -d 'What happens to unmapped content types (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l payload-format-version -d 'Event format sent to the integration: 1.0 for HTTP_PROXY, 1.0 or 2.0 for Lambda' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l request-parameters -d 'Parameter mappings, e.g. \'append:header.x=$request.header.y,overwrite:path=$request.path\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l request-templates -d 'Mapping templates by content type (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l response-parameters -d 'Response mappings by status code, e.g. \'200={overwrite:statuscode=204}\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l template-selection-expression -d 'Selects the mapping template (WebSocket APIs only)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l timeout-in-millis -d 'Backend timeout, 50 to 30000 ms for HTTP APIs (29000 for WebSocket); default the maximum' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l tls-config -d 'TLS to a private backend, e.g. ServerNameToVerify=api.internal.example.com' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand update-integration" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l integration-id -d 'The integration\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand delete-integration" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l authorization-scopes -d 'OAuth scopes a JWT route accepts; a token needs at least one of them' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l authorization-type -d 'Who may call the route: NONE, JWT, AWS_IAM or CUSTOM' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l authorizer-id -d 'The authorizer\'s identifier (6 characters)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l model-selection-expression -d 'Selects the request model (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l operation-name -d 'A name for the route\'s operation' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l request-models -d 'Request models by content type (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l request-parameters -d 'Parameter mappings, e.g. \'append:header.x=$request.header.y,overwrite:path=$request.path\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l route-key -d 'The route key: \'$default\' or \'METHOD /path\', e.g. \'GET /pets/{id}\' [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l route-response-selection-expression -d 'Selects the route response (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l target -d 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l api-key-required -d 'Whether the route needs an API key (WebSocket APIs only)'
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l no-api-key-required -d 'Set ApiKeyRequired to false'
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand create-route" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l route-id -d 'The route\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-route" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l max-items -d 'The most items to print; a NextToken is printed when there are more' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l starting-token -d 'Continue after a previous call: pass the NextToken it printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l page-size -d 'Accepted for compatibility; the whole list is local, so pages change nothing' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-routes" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l authorization-scopes -d 'OAuth scopes a JWT route accepts; a token needs at least one of them' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l authorization-type -d 'Who may call the route: NONE, JWT, AWS_IAM or CUSTOM' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l authorizer-id -d 'The authorizer\'s identifier (6 characters)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l model-selection-expression -d 'Selects the request model (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l operation-name -d 'A name for the route\'s operation' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l request-models -d 'Request models by content type (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l request-parameters -d 'Parameter mappings, e.g. \'append:header.x=$request.header.y,overwrite:path=$request.path\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l route-id -d 'The route\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l route-key -d 'The route key: \'$default\' or \'METHOD /path\', e.g. \'GET /pets/{id}\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l route-response-selection-expression -d 'Selects the route response (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l target -d 'Route: integrations/INTEGRATION_ID. API: the quick-create target (URL or Lambda ARN)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l api-key-required -d 'Whether the route needs an API key (WebSocket APIs only)'
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l no-api-key-required -d 'Set ApiKeyRequired to false'
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand update-route" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l route-id -d 'The route\'s identifier (7 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand delete-route" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l access-log-settings -d 'Where and how the stage writes access logs' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l client-certificate-id -d 'Client certificate for the stage (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l default-route-settings -d 'Throttling and logging settings for every route of the stage' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l deployment-id -d 'The deployment the stage serves' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l description -d 'Free text describing the resource' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l route-settings -d 'Per-route throttling and logging settings, by route key' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l stage-name -d 'The stage\'s name: letters, digits, - and _, or $default [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l stage-variables -d 'Variables of the stage, usable as ${stageVariables.NAME}' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l tags -d 'Tags as Key=Value pairs' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l auto-deploy -d 'Deploy every change to the stage at once'
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l no-auto-deploy -d 'Set AutoDeploy to false'
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand create-stage" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l stage-name -d 'The stage\'s name: letters, digits, - and _, or $default [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-stage" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l max-items -d 'The most items to print; a NextToken is printed when there are more' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l starting-token -d 'Continue after a previous call: pass the NextToken it printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l page-size -d 'Accepted for compatibility; the whole list is local, so pages change nothing' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-stages" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l access-log-settings -d 'Where and how the stage writes access logs' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l client-certificate-id -d 'Client certificate for the stage (WebSocket APIs)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l default-route-settings -d 'Throttling and logging settings for every route of the stage' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l deployment-id -d 'The deployment the stage serves' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l description -d 'Free text describing the resource' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l route-settings -d 'Per-route throttling and logging settings, by route key' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l stage-name -d 'The stage\'s name: letters, digits, - and _, or $default [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l stage-variables -d 'Variables of the stage, usable as ${stageVariables.NAME}' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l auto-deploy -d 'Deploy every change to the stage at once'
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l no-auto-deploy -d 'Set AutoDeploy to false'
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand update-stage" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l stage-name -d 'The stage\'s name: letters, digits, - and _, or $default [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand delete-stage" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l authorizer-credentials-arn -d 'IAM role API Gateway assumes to call a Lambda authorizer' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l authorizer-payload-format-version -d 'Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l authorizer-result-ttl-in-seconds -d 'How long a Lambda authorizer\'s answer is cached, 0 to 3600 seconds' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l authorizer-type -d 'JWT (check bearer tokens) or REQUEST (ask a Lambda function) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l authorizer-uri -d 'The Lambda invocation URI of a REQUEST authorizer' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l identity-source -d 'Where the identity is read, e.g. \'$request.header.Authorization\' [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l identity-validation-expression -d 'Regular expression an identity must match (REQUEST authorizers)' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l jwt-configuration -d 'Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l name -d 'A name for the resource (1 to 128 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l enable-simple-responses -d 'Let a Lambda authorizer answer with a plain boolean'
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l no-enable-simple-responses -d 'Set EnableSimpleResponses to false'
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand create-authorizer" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l authorizer-id -d 'The authorizer\'s identifier (6 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizer" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l max-items -d 'The most items to print; a NextToken is printed when there are more' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l starting-token -d 'Continue after a previous call: pass the NextToken it printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l page-size -d 'Accepted for compatibility; the whole list is local, so pages change nothing' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand get-authorizers" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l authorizer-credentials-arn -d 'IAM role API Gateway assumes to call a Lambda authorizer' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l authorizer-id -d 'The authorizer\'s identifier (6 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l authorizer-payload-format-version -d 'Event format sent to a Lambda (REQUEST) authorizer: 1.0 or 2.0' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l authorizer-result-ttl-in-seconds -d 'How long a Lambda authorizer\'s answer is cached, 0 to 3600 seconds' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l authorizer-type -d 'JWT (check bearer tokens) or REQUEST (ask a Lambda function)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l authorizer-uri -d 'The Lambda invocation URI of a REQUEST authorizer' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l identity-source -d 'Where the identity is read, e.g. \'$request.header.Authorization\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l identity-validation-expression -d 'Regular expression an identity must match (REQUEST authorizers)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l jwt-configuration -d 'Issuer and audiences of a JWT authorizer, e.g. Audience=my-app,Issuer=https://idp.example.com' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l name -d 'A name for the resource (1 to 128 characters)' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l enable-simple-responses -d 'Let a Lambda authorizer answer with a plain boolean'
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l no-enable-simple-responses -d 'Set EnableSimpleResponses to false'
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand update-authorizer" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l api-id -d 'The API\'s identifier (10 characters, as create-api printed it) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l authorizer-id -d 'The authorizer\'s identifier (6 characters) [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand delete-authorizer" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -f -a "register-targets" -d 'Register targets (IP and port on this machine) behind a load-balancer listener'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -f -a "deregister-targets" -d 'Remove targets from a load-balancer listener'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -f -a "describe-target-health" -d 'Check each target of a listener now and say whether it is healthy, and why not'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and not __fish_seen_subcommand_from register-targets deregister-targets describe-target-health help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l listener-arn -d 'The ELB listener ARN, as the integration\'s IntegrationUri names it [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l targets -d 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002 [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from register-targets" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l listener-arn -d 'The ELB listener ARN, as the integration\'s IntegrationUri names it [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l targets -d 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002 [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from deregister-targets" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l listener-arn -d 'The ELB listener ARN, as the integration\'s IntegrationUri names it [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l targets -d 'Targets as Id=IP,Port=PORT, space-separated, e.g. Id=127.0.0.1,Port=9001 Id=127.0.0.1,Port=9002' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from describe-target-health" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from help" -f -a "register-targets" -d 'Register targets (IP and port on this machine) behind a load-balancer listener'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from help" -f -a "deregister-targets" -d 'Remove targets from a load-balancer listener'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from help" -f -a "describe-target-health" -d 'Check each target of a listener now and say whether it is healthy, and why not'
complete -c apigw -n "__fish_apigw_using_subcommand elbv2; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -f -a "register-instance" -d 'Register an instance (address, port and attributes) in a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -f -a "deregister-instance" -d 'Remove an instance from a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -f -a "list-instances" -d 'List the instances of a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -f -a "discover-instances" -d 'Find the instances whose attributes match every query parameter, as API Gateway does'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -f -a "update-instance-custom-health-status" -d 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and not __fish_seen_subcommand_from register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l service-id -d 'The Cloud Map service id (srv-…), as in the integration\'s service ARN [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l instance-id -d 'An id for the instance, unique within the service [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l creator-request-id -d 'An idempotency token (accepted; every call is applied)' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l attributes -d 'Attributes: AWS_INSTANCE_IPV4 (or _IPV6) and AWS_INSTANCE_PORT, plus your own, e.g. stage=prod [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from register-instance" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l service-id -d 'The Cloud Map service id (srv-…), as in the integration\'s service ARN [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l instance-id -d 'An id for the instance, unique within the service [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from deregister-instance" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l service-id -d 'The Cloud Map service id (srv-…), as in the integration\'s service ARN [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l max-results -d 'The most items the service returns in one page' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l next-token -d 'Where the previous page ended' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from list-instances" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l service-id -d 'The Cloud Map service id (srv-…), as in the integration\'s service ARN' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l namespace-name -d 'The namespace of the service (with --service-name, as the AWS CLI takes it)' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l service-name -d 'The service\'s name (with --namespace-name); --service-id is the shorter way' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l max-results -d 'The most items the service returns in one page' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l query-parameters -d 'Attributes an instance must all have, e.g. stage=prod,deployment=green_deployment' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l optional-parameters -d 'Attributes preferred when some instances have them' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l health-status -d 'Which instances: HEALTHY (default), UNHEALTHY, ALL or HEALTHY_OR_ELSE_ALL' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from discover-instances" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l service-id -d 'The Cloud Map service id (srv-…), as in the integration\'s service ARN [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l instance-id -d 'An id for the instance, unique within the service [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l status -d 'HEALTHY or UNHEALTHY [required]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l cli-input-json -d 'All parameters as one JSON object (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l cli-input-yaml -d 'All parameters as one YAML mapping (or file://path); flags given as well win' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l generate-cli-skeleton -d 'Print a template of the input (or output) and do nothing else' -r -f -a "input\t''
yaml-input\t''
output\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from update-instance-custom-health-status" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from help" -f -a "register-instance" -d 'Register an instance (address, port and attributes) in a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from help" -f -a "deregister-instance" -d 'Remove an instance from a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from help" -f -a "list-instances" -d 'List the instances of a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from help" -f -a "discover-instances" -d 'Find the instances whose attributes match every query parameter, as API Gateway does'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from help" -f -a "update-instance-custom-health-status" -d 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic'
complete -c apigw -n "__fish_apigw_using_subcommand servicediscovery; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand workspace" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand init" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand init" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand init" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand init" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand init" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand init" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand init" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand completion" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand completion" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand completion" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand completion" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand completion" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand completion" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand completion" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l api-id -d 'The API to serve; needed only when the workspace has several' -r
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l listen -d 'Where to listen: an address or host name and a port; port 0 picks a free port (the address is printed)' -r
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l ca-bundle -d 'PEM certificates to trust for HTTPS backends and issuers signed by a private CA' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l log-format -d 'Access log lines on stderr as text or JSON' -r -f -a "text\t''
json\t''"
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l local-issuer -d 'Also publish the local issuer (/.well-known/openid-configuration and jwks.json) on this address; its issuer URL is http://ADDR:PORT, the one to give create-authorizer and mint-token'
complete -c apigw -n "__fish_apigw_using_subcommand serve" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand serve" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l issuer -d 'The iss claim: the authorizer\'s Issuer, e.g. http://127.0.0.1:8080 for `apigw serve --local-issuer`' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l audience -d 'The aud claim: one or more of the authorizer\'s audiences' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l scope -d 'Scopes to grant, written to the scope claim' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l subject -d 'The sub claim' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l expires-in -d 'Lifetime: 3600, 45s, 30m, 1h or 2d' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l claims -d 'More claims as a JSON object, e.g. \'{"email":"a@example.com"}\'' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand mint-token" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -l output -d 'How to print the answer: json (default), yaml, yaml-stream, text, table or off' -r -f -a "json\t''
yaml\t''
yaml-stream\t''
text\t''
table\t''
off\t''"
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -l query -d 'A JMESPath expression applied to the answer before it is printed' -r
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -l region -d 'Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace\'s]' -r
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -l workspace -d 'Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]' -r -F
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -l color -d 'Accepted for compatibility with the AWS CLI' -r -f -a "on\t''
off\t''
auto\t''"
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -l no-cli-pager -d 'Accepted for compatibility with the AWS CLI; apigw never pages'
complete -c apigw -n "__fish_apigw_using_subcommand generate-docs" -s h -l help -d 'Print help'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "create-api" -d 'Create an HTTP or WebSocket API (with --target: quick create an integration, route and $default stage)'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-api" -d 'Show one API'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-apis" -d 'List the APIs of the workspace'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "update-api" -d 'Change an API\'s name, description, CORS or other settings'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "delete-api" -d 'Delete an API with its integrations, routes, stages and authorizers'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "create-vpc-link" -d 'Create a VPC link that private integrations send traffic through'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-vpc-link" -d 'Show one VPC link'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-vpc-links" -d 'List the VPC links of the workspace'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "update-vpc-link" -d 'Rename a VPC link'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "delete-vpc-link" -d 'Delete a VPC link that no integration uses'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "create-integration" -d 'Create an integration: where a route\'s requests are sent, checked as API Gateway checks it'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-integration" -d 'Show one integration'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-integrations" -d 'List the integrations of an API'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "update-integration" -d 'Change an integration; the result is checked like a new one'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "delete-integration" -d 'Delete an integration that no route targets'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "create-route" -d 'Create a route: a method and path (or $default) sent to an integration'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-route" -d 'Show one route'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-routes" -d 'List the routes of an API'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "update-route" -d 'Change a route\'s key, target or authorization'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "delete-route" -d 'Delete a route'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "create-stage" -d 'Create a stage: the path prefix an API is served under ($default for none)'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-stage" -d 'Show one stage'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-stages" -d 'List the stages of an API'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "update-stage" -d 'Change a stage\'s variables, settings or description'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "delete-stage" -d 'Delete a stage'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "create-authorizer" -d 'Create an authorizer (JWT: checks bearer tokens against an issuer\'s keys)'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-authorizer" -d 'Show one authorizer'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "get-authorizers" -d 'List the authorizers of an API'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "update-authorizer" -d 'Change an authorizer'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "delete-authorizer" -d 'Delete an authorizer that no route uses'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "elbv2" -d 'Targets of the load-balancer listeners that private integrations name'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "servicediscovery" -d 'Instances of the Cloud Map services that private integrations name'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "workspace" -d 'Show which workspace file is in use, with its account and region'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "init" -d 'Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "completion" -d 'Print a shell completion script'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "serve" -d 'Serve the workspace\'s HTTP API on this machine as API Gateway would, until Ctrl-C'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "mint-token" -d 'Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "generate-docs" -d 'Write the completion scripts and man pages into a folder (used to refresh the committed ones)'
complete -c apigw -n "__fish_apigw_using_subcommand help; and not __fish_seen_subcommand_from create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from elbv2" -f -a "register-targets" -d 'Register targets (IP and port on this machine) behind a load-balancer listener'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from elbv2" -f -a "deregister-targets" -d 'Remove targets from a load-balancer listener'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from elbv2" -f -a "describe-target-health" -d 'Check each target of a listener now and say whether it is healthy, and why not'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from servicediscovery" -f -a "register-instance" -d 'Register an instance (address, port and attributes) in a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from servicediscovery" -f -a "deregister-instance" -d 'Remove an instance from a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from servicediscovery" -f -a "list-instances" -d 'List the instances of a Cloud Map service'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from servicediscovery" -f -a "discover-instances" -d 'Find the instances whose attributes match every query parameter, as API Gateway does'
complete -c apigw -n "__fish_apigw_using_subcommand help; and __fish_seen_subcommand_from servicediscovery" -f -a "update-instance-custom-health-status" -d 'Mark an instance HEALTHY or UNHEALTHY; unhealthy ones get no traffic'
