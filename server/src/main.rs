use server::config::{self, Command};
use std::process::ExitCode;

/// Rendering pages allocates a great deal; mimalloc serves that far faster than glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("seed") {
        args.remove(0);
        return seed(args).await;
    }
    let config = match config::parse(args, |name| std::env::var(name).ok()) {
        Ok(Command::Serve(config)) => *config,
        Ok(Command::Help) => {
            print!("{}", config::HELP);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("commons {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("commons: {message}");
            return ExitCode::from(2);
        }
    };
    server::init_logging(config.json_logs);
    let commons = match server::build(&config).await {
        Ok(commons) => commons,
        Err(error) => {
            tracing::error!(%error, "could not start");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.bind).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::error!(%error, bind = %config.bind, "could not listen");
            return ExitCode::FAILURE;
        }
    };
    let address = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    tracing::info!(%address, "Commons is ready at http://{address}");
    match server::serve(listener, commons, server::stop_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "server stopped with an error");
            ExitCode::FAILURE
        }
    }
}

/// `commons seed ...`: fills the configured database with a realistic organization.
async fn seed(args: Vec<String>) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{}", server::seed::SEED_HELP);
        return ExitCode::SUCCESS;
    }
    let parsed = server::seed::parse(args).and_then(|(options, rest)| {
        match config::parse(rest, |name| std::env::var(name).ok())? {
            Command::Serve(config) => Ok((options, *config)),
            _ => Err("see commons seed --help".to_string()),
        }
    });
    let (options, config) = match parsed {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("commons seed: {message}");
            return ExitCode::from(2);
        }
    };
    let result = match server::open_database(&config, 4).await {
        Ok(db) => server::seed::run(&db, &config.media(), &options).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("commons seed: {error}");
            ExitCode::FAILURE
        }
    }
}
