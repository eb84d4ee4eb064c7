
set edit:completion:arg-completer[apigw] = { |@words|
    var index = (count $words)
    set index = (- $index 1)

    put (env _CLAP_IFS="\n" _CLAP_COMPLETE_INDEX=(to-string $index) APIGW_COMPLETE="elvish" apigw -- $@words) | to-lines
}

