//! The `apigw` binary: run the command line, map the error kind to the exit
//! code (the AWS CLI v2's codes) in one place.

/// See Cargo.toml for why not the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = match apigw::cli::run(std::env::args_os().collect()) {
        Ok(code) => code,
        Err(err) => {
            match &err {
                apigw::error::Error::Usage(text) => eprint!(
                    "apigw: {}",
                    text.trim_start_matches("error: ")
                        .trim_start_matches("apigw: ")
                ),
                other => eprintln!("{other}"),
            }
            err.exit_code()
        }
    };
    std::process::exit(code);
}
