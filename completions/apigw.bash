_apigw() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="apigw"
                ;;
            apigw,completion)
                cmd="apigw__subcmd__completion"
                ;;
            apigw,create-api)
                cmd="apigw__subcmd__create__subcmd__api"
                ;;
            apigw,create-authorizer)
                cmd="apigw__subcmd__create__subcmd__authorizer"
                ;;
            apigw,create-integration)
                cmd="apigw__subcmd__create__subcmd__integration"
                ;;
            apigw,create-route)
                cmd="apigw__subcmd__create__subcmd__route"
                ;;
            apigw,create-stage)
                cmd="apigw__subcmd__create__subcmd__stage"
                ;;
            apigw,create-vpc-link)
                cmd="apigw__subcmd__create__subcmd__vpc__subcmd__link"
                ;;
            apigw,delete-api)
                cmd="apigw__subcmd__delete__subcmd__api"
                ;;
            apigw,delete-authorizer)
                cmd="apigw__subcmd__delete__subcmd__authorizer"
                ;;
            apigw,delete-integration)
                cmd="apigw__subcmd__delete__subcmd__integration"
                ;;
            apigw,delete-route)
                cmd="apigw__subcmd__delete__subcmd__route"
                ;;
            apigw,delete-stage)
                cmd="apigw__subcmd__delete__subcmd__stage"
                ;;
            apigw,delete-vpc-link)
                cmd="apigw__subcmd__delete__subcmd__vpc__subcmd__link"
                ;;
            apigw,elbv2)
                cmd="apigw__subcmd__elbv2"
                ;;
            apigw,generate-docs)
                cmd="apigw__subcmd__generate__subcmd__docs"
                ;;
            apigw,get-api)
                cmd="apigw__subcmd__get__subcmd__api"
                ;;
            apigw,get-apis)
                cmd="apigw__subcmd__get__subcmd__apis"
                ;;
            apigw,get-authorizer)
                cmd="apigw__subcmd__get__subcmd__authorizer"
                ;;
            apigw,get-authorizers)
                cmd="apigw__subcmd__get__subcmd__authorizers"
                ;;
            apigw,get-integration)
                cmd="apigw__subcmd__get__subcmd__integration"
                ;;
            apigw,get-integrations)
                cmd="apigw__subcmd__get__subcmd__integrations"
                ;;
            apigw,get-route)
                cmd="apigw__subcmd__get__subcmd__route"
                ;;
            apigw,get-routes)
                cmd="apigw__subcmd__get__subcmd__routes"
                ;;
            apigw,get-stage)
                cmd="apigw__subcmd__get__subcmd__stage"
                ;;
            apigw,get-stages)
                cmd="apigw__subcmd__get__subcmd__stages"
                ;;
            apigw,get-vpc-link)
                cmd="apigw__subcmd__get__subcmd__vpc__subcmd__link"
                ;;
            apigw,get-vpc-links)
                cmd="apigw__subcmd__get__subcmd__vpc__subcmd__links"
                ;;
            apigw,help)
                cmd="apigw__subcmd__help"
                ;;
            apigw,init)
                cmd="apigw__subcmd__init"
                ;;
            apigw,mint-token)
                cmd="apigw__subcmd__mint__subcmd__token"
                ;;
            apigw,serve)
                cmd="apigw__subcmd__serve"
                ;;
            apigw,servicediscovery)
                cmd="apigw__subcmd__servicediscovery"
                ;;
            apigw,update-api)
                cmd="apigw__subcmd__update__subcmd__api"
                ;;
            apigw,update-authorizer)
                cmd="apigw__subcmd__update__subcmd__authorizer"
                ;;
            apigw,update-integration)
                cmd="apigw__subcmd__update__subcmd__integration"
                ;;
            apigw,update-route)
                cmd="apigw__subcmd__update__subcmd__route"
                ;;
            apigw,update-stage)
                cmd="apigw__subcmd__update__subcmd__stage"
                ;;
            apigw,update-vpc-link)
                cmd="apigw__subcmd__update__subcmd__vpc__subcmd__link"
                ;;
            apigw,workspace)
                cmd="apigw__subcmd__workspace"
                ;;
            apigw__subcmd__elbv2,deregister-targets)
                cmd="apigw__subcmd__elbv2__subcmd__deregister__subcmd__targets"
                ;;
            apigw__subcmd__elbv2,describe-target-health)
                cmd="apigw__subcmd__elbv2__subcmd__describe__subcmd__target__subcmd__health"
                ;;
            apigw__subcmd__elbv2,help)
                cmd="apigw__subcmd__elbv2__subcmd__help"
                ;;
            apigw__subcmd__elbv2,register-targets)
                cmd="apigw__subcmd__elbv2__subcmd__register__subcmd__targets"
                ;;
            apigw__subcmd__elbv2__subcmd__help,deregister-targets)
                cmd="apigw__subcmd__elbv2__subcmd__help__subcmd__deregister__subcmd__targets"
                ;;
            apigw__subcmd__elbv2__subcmd__help,describe-target-health)
                cmd="apigw__subcmd__elbv2__subcmd__help__subcmd__describe__subcmd__target__subcmd__health"
                ;;
            apigw__subcmd__elbv2__subcmd__help,help)
                cmd="apigw__subcmd__elbv2__subcmd__help__subcmd__help"
                ;;
            apigw__subcmd__elbv2__subcmd__help,register-targets)
                cmd="apigw__subcmd__elbv2__subcmd__help__subcmd__register__subcmd__targets"
                ;;
            apigw__subcmd__help,completion)
                cmd="apigw__subcmd__help__subcmd__completion"
                ;;
            apigw__subcmd__help,create-api)
                cmd="apigw__subcmd__help__subcmd__create__subcmd__api"
                ;;
            apigw__subcmd__help,create-authorizer)
                cmd="apigw__subcmd__help__subcmd__create__subcmd__authorizer"
                ;;
            apigw__subcmd__help,create-integration)
                cmd="apigw__subcmd__help__subcmd__create__subcmd__integration"
                ;;
            apigw__subcmd__help,create-route)
                cmd="apigw__subcmd__help__subcmd__create__subcmd__route"
                ;;
            apigw__subcmd__help,create-stage)
                cmd="apigw__subcmd__help__subcmd__create__subcmd__stage"
                ;;
            apigw__subcmd__help,create-vpc-link)
                cmd="apigw__subcmd__help__subcmd__create__subcmd__vpc__subcmd__link"
                ;;
            apigw__subcmd__help,delete-api)
                cmd="apigw__subcmd__help__subcmd__delete__subcmd__api"
                ;;
            apigw__subcmd__help,delete-authorizer)
                cmd="apigw__subcmd__help__subcmd__delete__subcmd__authorizer"
                ;;
            apigw__subcmd__help,delete-integration)
                cmd="apigw__subcmd__help__subcmd__delete__subcmd__integration"
                ;;
            apigw__subcmd__help,delete-route)
                cmd="apigw__subcmd__help__subcmd__delete__subcmd__route"
                ;;
            apigw__subcmd__help,delete-stage)
                cmd="apigw__subcmd__help__subcmd__delete__subcmd__stage"
                ;;
            apigw__subcmd__help,delete-vpc-link)
                cmd="apigw__subcmd__help__subcmd__delete__subcmd__vpc__subcmd__link"
                ;;
            apigw__subcmd__help,elbv2)
                cmd="apigw__subcmd__help__subcmd__elbv2"
                ;;
            apigw__subcmd__help,generate-docs)
                cmd="apigw__subcmd__help__subcmd__generate__subcmd__docs"
                ;;
            apigw__subcmd__help,get-api)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__api"
                ;;
            apigw__subcmd__help,get-apis)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__apis"
                ;;
            apigw__subcmd__help,get-authorizer)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__authorizer"
                ;;
            apigw__subcmd__help,get-authorizers)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__authorizers"
                ;;
            apigw__subcmd__help,get-integration)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__integration"
                ;;
            apigw__subcmd__help,get-integrations)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__integrations"
                ;;
            apigw__subcmd__help,get-route)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__route"
                ;;
            apigw__subcmd__help,get-routes)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__routes"
                ;;
            apigw__subcmd__help,get-stage)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__stage"
                ;;
            apigw__subcmd__help,get-stages)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__stages"
                ;;
            apigw__subcmd__help,get-vpc-link)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__vpc__subcmd__link"
                ;;
            apigw__subcmd__help,get-vpc-links)
                cmd="apigw__subcmd__help__subcmd__get__subcmd__vpc__subcmd__links"
                ;;
            apigw__subcmd__help,help)
                cmd="apigw__subcmd__help__subcmd__help"
                ;;
            apigw__subcmd__help,init)
                cmd="apigw__subcmd__help__subcmd__init"
                ;;
            apigw__subcmd__help,mint-token)
                cmd="apigw__subcmd__help__subcmd__mint__subcmd__token"
                ;;
            apigw__subcmd__help,serve)
                cmd="apigw__subcmd__help__subcmd__serve"
                ;;
            apigw__subcmd__help,servicediscovery)
                cmd="apigw__subcmd__help__subcmd__servicediscovery"
                ;;
            apigw__subcmd__help,update-api)
                cmd="apigw__subcmd__help__subcmd__update__subcmd__api"
                ;;
            apigw__subcmd__help,update-authorizer)
                cmd="apigw__subcmd__help__subcmd__update__subcmd__authorizer"
                ;;
            apigw__subcmd__help,update-integration)
                cmd="apigw__subcmd__help__subcmd__update__subcmd__integration"
                ;;
            apigw__subcmd__help,update-route)
                cmd="apigw__subcmd__help__subcmd__update__subcmd__route"
                ;;
            apigw__subcmd__help,update-stage)
                cmd="apigw__subcmd__help__subcmd__update__subcmd__stage"
                ;;
            apigw__subcmd__help,update-vpc-link)
                cmd="apigw__subcmd__help__subcmd__update__subcmd__vpc__subcmd__link"
                ;;
            apigw__subcmd__help,workspace)
                cmd="apigw__subcmd__help__subcmd__workspace"
                ;;
            apigw__subcmd__help__subcmd__elbv2,deregister-targets)
                cmd="apigw__subcmd__help__subcmd__elbv2__subcmd__deregister__subcmd__targets"
                ;;
            apigw__subcmd__help__subcmd__elbv2,describe-target-health)
                cmd="apigw__subcmd__help__subcmd__elbv2__subcmd__describe__subcmd__target__subcmd__health"
                ;;
            apigw__subcmd__help__subcmd__elbv2,register-targets)
                cmd="apigw__subcmd__help__subcmd__elbv2__subcmd__register__subcmd__targets"
                ;;
            apigw__subcmd__help__subcmd__servicediscovery,deregister-instance)
                cmd="apigw__subcmd__help__subcmd__servicediscovery__subcmd__deregister__subcmd__instance"
                ;;
            apigw__subcmd__help__subcmd__servicediscovery,discover-instances)
                cmd="apigw__subcmd__help__subcmd__servicediscovery__subcmd__discover__subcmd__instances"
                ;;
            apigw__subcmd__help__subcmd__servicediscovery,list-instances)
                cmd="apigw__subcmd__help__subcmd__servicediscovery__subcmd__list__subcmd__instances"
                ;;
            apigw__subcmd__help__subcmd__servicediscovery,register-instance)
                cmd="apigw__subcmd__help__subcmd__servicediscovery__subcmd__register__subcmd__instance"
                ;;
            apigw__subcmd__help__subcmd__servicediscovery,update-instance-custom-health-status)
                cmd="apigw__subcmd__help__subcmd__servicediscovery__subcmd__update__subcmd__instance__subcmd__custom__subcmd__health__subcmd__status"
                ;;
            apigw__subcmd__servicediscovery,deregister-instance)
                cmd="apigw__subcmd__servicediscovery__subcmd__deregister__subcmd__instance"
                ;;
            apigw__subcmd__servicediscovery,discover-instances)
                cmd="apigw__subcmd__servicediscovery__subcmd__discover__subcmd__instances"
                ;;
            apigw__subcmd__servicediscovery,help)
                cmd="apigw__subcmd__servicediscovery__subcmd__help"
                ;;
            apigw__subcmd__servicediscovery,list-instances)
                cmd="apigw__subcmd__servicediscovery__subcmd__list__subcmd__instances"
                ;;
            apigw__subcmd__servicediscovery,register-instance)
                cmd="apigw__subcmd__servicediscovery__subcmd__register__subcmd__instance"
                ;;
            apigw__subcmd__servicediscovery,update-instance-custom-health-status)
                cmd="apigw__subcmd__servicediscovery__subcmd__update__subcmd__instance__subcmd__custom__subcmd__health__subcmd__status"
                ;;
            apigw__subcmd__servicediscovery__subcmd__help,deregister-instance)
                cmd="apigw__subcmd__servicediscovery__subcmd__help__subcmd__deregister__subcmd__instance"
                ;;
            apigw__subcmd__servicediscovery__subcmd__help,discover-instances)
                cmd="apigw__subcmd__servicediscovery__subcmd__help__subcmd__discover__subcmd__instances"
                ;;
            apigw__subcmd__servicediscovery__subcmd__help,help)
                cmd="apigw__subcmd__servicediscovery__subcmd__help__subcmd__help"
                ;;
            apigw__subcmd__servicediscovery__subcmd__help,list-instances)
                cmd="apigw__subcmd__servicediscovery__subcmd__help__subcmd__list__subcmd__instances"
                ;;
            apigw__subcmd__servicediscovery__subcmd__help,register-instance)
                cmd="apigw__subcmd__servicediscovery__subcmd__help__subcmd__register__subcmd__instance"
                ;;
            apigw__subcmd__servicediscovery__subcmd__help,update-instance-custom-health-status)
                cmd="apigw__subcmd__servicediscovery__subcmd__help__subcmd__update__subcmd__instance__subcmd__custom__subcmd__health__subcmd__status"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        apigw)
            opts="-h -V --output --query --region --workspace --no-cli-pager --color --help --version create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__completion)
            opts="-h --output --query --region --workspace --no-cli-pager --color --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__create__subcmd__api)
            opts="-h --api-key-selection-expression --cors-configuration --credentials-arn --description --disable-schema-validation --no-disable-schema-validation --disable-execute-api-endpoint --no-disable-execute-api-endpoint --ip-address-type --name --protocol-type --route-key --route-selection-expression --tags --target --version --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-key-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cors-configuration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --credentials-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip-address-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --protocol-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tags)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__create__subcmd__authorizer)
            opts="-h --api-id --authorizer-credentials-arn --authorizer-payload-format-version --authorizer-result-ttl-in-seconds --authorizer-type --authorizer-uri --enable-simple-responses --no-enable-simple-responses --identity-source --identity-validation-expression --jwt-configuration --name --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-credentials-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-payload-format-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-result-ttl-in-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --identity-source)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --identity-validation-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwt-configuration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__create__subcmd__integration)
            opts="-h --api-id --connection-id --connection-type --content-handling-strategy --credentials-arn --description --integration-method --integration-subtype --integration-type --integration-uri --passthrough-behavior --payload-format-version --request-parameters --request-templates --response-parameters --template-selection-expression --timeout-in-millis --tls-config --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --content-handling-strategy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --credentials-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-subtype)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passthrough-behavior)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --payload-format-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-templates)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --response-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --template-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout-in-millis)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__create__subcmd__route)
            opts="-h --api-id --api-key-required --no-api-key-required --authorization-scopes --authorization-type --authorizer-id --model-selection-expression --operation-name --request-models --request-parameters --route-key --route-response-selection-expression --target --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorization-scopes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorization-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --model-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --operation-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-models)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-response-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__create__subcmd__stage)
            opts="-h --access-log-settings --api-id --auto-deploy --no-auto-deploy --client-certificate-id --default-route-settings --deployment-id --description --route-settings --stage-name --stage-variables --tags --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --access-log-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-certificate-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --default-route-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage-variables)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tags)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__create__subcmd__vpc__subcmd__link)
            opts="-h --name --security-group-ids --subnet-ids --tags --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --security-group-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subnet-ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tags)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__delete__subcmd__api)
            opts="-h --api-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__delete__subcmd__authorizer)
            opts="-h --api-id --authorizer-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__delete__subcmd__integration)
            opts="-h --api-id --integration-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__delete__subcmd__route)
            opts="-h --api-id --route-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__delete__subcmd__stage)
            opts="-h --api-id --stage-name --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__delete__subcmd__vpc__subcmd__link)
            opts="-h --vpc-link-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vpc-link-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2)
            opts="-h --output --query --region --workspace --no-cli-pager --color --help register-targets deregister-targets describe-target-health help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__deregister__subcmd__targets)
            opts="-h --listener-arn --targets --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --listener-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --targets)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__describe__subcmd__target__subcmd__health)
            opts="-h --listener-arn --targets --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --listener-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --targets)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__help)
            opts="register-targets deregister-targets describe-target-health help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__help__subcmd__deregister__subcmd__targets)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__help__subcmd__describe__subcmd__target__subcmd__health)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__help__subcmd__register__subcmd__targets)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__elbv2__subcmd__register__subcmd__targets)
            opts="-h --listener-arn --targets --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --listener-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --targets)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__generate__subcmd__docs)
            opts="-h --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__api)
            opts="-h --api-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__apis)
            opts="-h --max-items --starting-token --page-size --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-items)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --starting-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__authorizer)
            opts="-h --api-id --authorizer-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__authorizers)
            opts="-h --api-id --max-items --starting-token --page-size --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-items)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --starting-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__integration)
            opts="-h --api-id --integration-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__integrations)
            opts="-h --api-id --max-items --starting-token --page-size --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-items)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --starting-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__route)
            opts="-h --api-id --route-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__routes)
            opts="-h --api-id --max-items --starting-token --page-size --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-items)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --starting-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__stage)
            opts="-h --api-id --stage-name --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__stages)
            opts="-h --api-id --max-items --starting-token --page-size --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-items)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --starting-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__vpc__subcmd__link)
            opts="-h --vpc-link-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --vpc-link-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__get__subcmd__vpc__subcmd__links)
            opts="-h --max-results --next-token --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --next-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help)
            opts="create-api get-api get-apis update-api delete-api create-vpc-link get-vpc-link get-vpc-links update-vpc-link delete-vpc-link create-integration get-integration get-integrations update-integration delete-integration create-route get-route get-routes update-route delete-route create-stage get-stage get-stages update-stage delete-stage create-authorizer get-authorizer get-authorizers update-authorizer delete-authorizer elbv2 servicediscovery workspace init completion serve mint-token generate-docs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__completion)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__create__subcmd__api)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__create__subcmd__authorizer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__create__subcmd__integration)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__create__subcmd__route)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__create__subcmd__stage)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__create__subcmd__vpc__subcmd__link)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__delete__subcmd__api)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__delete__subcmd__authorizer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__delete__subcmd__integration)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__delete__subcmd__route)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__delete__subcmd__stage)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__delete__subcmd__vpc__subcmd__link)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__elbv2)
            opts="register-targets deregister-targets describe-target-health"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__elbv2__subcmd__deregister__subcmd__targets)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__elbv2__subcmd__describe__subcmd__target__subcmd__health)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__elbv2__subcmd__register__subcmd__targets)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__generate__subcmd__docs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__api)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__apis)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__authorizer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__authorizers)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__integration)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__integrations)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__route)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__routes)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__stage)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__stages)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__vpc__subcmd__link)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__get__subcmd__vpc__subcmd__links)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__init)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__mint__subcmd__token)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__serve)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__servicediscovery)
            opts="register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__servicediscovery__subcmd__deregister__subcmd__instance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__servicediscovery__subcmd__discover__subcmd__instances)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__servicediscovery__subcmd__list__subcmd__instances)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__servicediscovery__subcmd__register__subcmd__instance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__servicediscovery__subcmd__update__subcmd__instance__subcmd__custom__subcmd__health__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__update__subcmd__api)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__update__subcmd__authorizer)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__update__subcmd__integration)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__update__subcmd__route)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__update__subcmd__stage)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__update__subcmd__vpc__subcmd__link)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__help__subcmd__workspace)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__init)
            opts="-h --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__mint__subcmd__token)
            opts="-h --issuer --audience --scope --subject --expires-in --claims --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --issuer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --audience)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expires-in)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --claims)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__serve)
            opts="-h --api-id --listen --ca-bundle --log-format --local-issuer --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --listen)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-bundle)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-format)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery)
            opts="-h --output --query --region --workspace --no-cli-pager --color --help register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__deregister__subcmd__instance)
            opts="-h --service-id --instance-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --service-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --instance-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__discover__subcmd__instances)
            opts="-h --service-id --namespace-name --service-name --max-results --query-parameters --optional-parameters --health-status --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --service-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --namespace-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --query-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --optional-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --health-status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help)
            opts="register-instance deregister-instance list-instances discover-instances update-instance-custom-health-status help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help__subcmd__deregister__subcmd__instance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help__subcmd__discover__subcmd__instances)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help__subcmd__list__subcmd__instances)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help__subcmd__register__subcmd__instance)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__help__subcmd__update__subcmd__instance__subcmd__custom__subcmd__health__subcmd__status)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 4 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__list__subcmd__instances)
            opts="-h --service-id --max-results --next-token --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --service-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-results)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --next-token)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__register__subcmd__instance)
            opts="-h --service-id --instance-id --creator-request-id --attributes --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --service-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --instance-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --creator-request-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attributes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__servicediscovery__subcmd__update__subcmd__instance__subcmd__custom__subcmd__health__subcmd__status)
            opts="-h --service-id --instance-id --status --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --service-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --instance-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__update__subcmd__api)
            opts="-h --api-id --api-key-selection-expression --cors-configuration --credentials-arn --description --disable-schema-validation --no-disable-schema-validation --disable-execute-api-endpoint --no-disable-execute-api-endpoint --ip-address-type --name --route-key --route-selection-expression --target --version --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-key-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cors-configuration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --credentials-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip-address-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__update__subcmd__authorizer)
            opts="-h --api-id --authorizer-credentials-arn --authorizer-id --authorizer-payload-format-version --authorizer-result-ttl-in-seconds --authorizer-type --authorizer-uri --enable-simple-responses --no-enable-simple-responses --identity-source --identity-validation-expression --jwt-configuration --name --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-credentials-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-payload-format-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-result-ttl-in-seconds)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --identity-source)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --identity-validation-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jwt-configuration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__update__subcmd__integration)
            opts="-h --api-id --connection-id --connection-type --content-handling-strategy --credentials-arn --description --integration-id --integration-method --integration-subtype --integration-type --integration-uri --passthrough-behavior --payload-format-version --request-parameters --request-templates --response-parameters --template-selection-expression --timeout-in-millis --tls-config --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --content-handling-strategy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --credentials-arn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-method)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-subtype)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --integration-uri)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --passthrough-behavior)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --payload-format-version)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-templates)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --response-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --template-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout-in-millis)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-config)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__update__subcmd__route)
            opts="-h --api-id --api-key-required --no-api-key-required --authorization-scopes --authorization-type --authorizer-id --model-selection-expression --operation-name --request-models --request-parameters --route-id --route-key --route-response-selection-expression --target --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorization-scopes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorization-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --authorizer-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --model-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --operation-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-models)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-parameters)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-response-selection-expression)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__update__subcmd__stage)
            opts="-h --access-log-settings --api-id --auto-deploy --no-auto-deploy --client-certificate-id --default-route-settings --deployment-id --description --route-settings --stage-name --stage-variables --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --access-log-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --api-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-certificate-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --default-route-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --deployment-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --description)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stage-variables)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__update__subcmd__vpc__subcmd__link)
            opts="-h --name --vpc-link-id --cli-input-json --cli-input-yaml --generate-cli-skeleton --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --vpc-link-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cli-input-yaml)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --generate-cli-skeleton)
                    COMPREPLY=($(compgen -W "input yaml-input output" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        apigw__subcmd__workspace)
            opts="-h --output --query --region --workspace --no-cli-pager --color --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -W "json yaml yaml-stream text table off" -- "${cur}"))
                    return 0
                    ;;
                --query)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --region)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --workspace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "on off auto" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _apigw -o nosort -o bashdefault -o default apigw
else
    complete -F _apigw -o bashdefault -o default apigw
fi
