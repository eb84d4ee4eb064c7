complete --keep-order --exclusive --command apigw --arguments "(APIGW_COMPLETE=fish apigw -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
