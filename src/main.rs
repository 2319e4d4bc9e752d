//! Starts the server, or runs one of the operations commands.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use gongkai::server::{self, Config, Db};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

/// mimalloc instead of glibc's malloc: the request path allocates and frees many small
/// buffers, which glibc's arenas spent about a tenth of the lookup's CPU on (bench/results).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "gongkai", version, about = "Gongkai 公开: open-government portal")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the portal (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a site-wide administrator. The password is read from GONGKAI_ADMIN_PASSWORD or,
    /// if unset, from the first line of standard input.
    CreateAdmin {
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "")]
        display_name: String,
    },
    /// Fill an empty database with the demo county.
    SeedDemo,
    /// Take an online backup of the database, attachments included, into a new file.
    Backup {
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Restore a backup into the database (an empty one unless --force; stop the portal first).
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Add bulk cases for benchmarks and write sample (tracking number, query code) pairs.
    BenchSeed {
        #[arg(long, default_value_t = 3_000_000)]
        cases: u64,
        #[arg(long, default_value_t = 10_000)]
        sample: u64,
        #[arg(long)]
        sample_out: std::path::PathBuf,
    },
    /// Add bulk answered letters to the mayor's mailbox for benchmarks.
    BenchLetters {
        #[arg(long, default_value_t = 300_000)]
        letters: u64,
    },
    /// Print the public lookup's one SQL statement for PostgreSQL ($1: the tracking number). The
    /// benchmark runs it alone with pgbench: what the database answers with no server in between.
    LookupSql,
    /// Add bulk published catalog entries for benchmarks.
    BenchCatalog {
        #[arg(long, default_value_t = 1_000_000)]
        entries: u64,
    },
}

fn init_tracing() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let json = std::env::var("GONGKAI_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    init_tracing();
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误 / error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let config = Config::from_env()?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let state = server::prepare(config).await?;
            let addr = state.leptos_options.site_addr;
            let listener = tokio::net::TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr}"))?;
            tracing::info!(database = %server::db::redact(&state.config.database_url), "serving http://{addr}");
            server::serve(listener, state, server::shutdown_signal()).await
        }
        Command::Migrate => {
            Db::connect_and_migrate(&config.database_url, 2).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::CreateAdmin { username, display_name } => {
            let password = match std::env::var("GONGKAI_ADMIN_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line).context("reading the password from standard input")?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let db = Db::connect_and_migrate(&config.database_url, 2).await?;
            gongkai::cli::create_admin(&db, &username, &display_name, &password).await?;
            println!("administrator {username} created");
            Ok(())
        }
        Command::SeedDemo => {
            let db = Db::connect_and_migrate(&config.database_url, 2).await?;
            let opts = gongkai::demo::DemoOptions::from_config(&config);
            if gongkai::demo::seed_if_empty(&db, &opts).await? {
                println!("demo county created");
            } else {
                println!("database already has units; nothing seeded");
            }
            gongkai::demo::print_logins();
            Ok(())
        }
        Command::Backup { out } => {
            gongkai::cli::backup(&config.database_url, &out).await?;
            println!("backup written to {}", out.display());
            Ok(())
        }
        Command::Restore { from, force } => {
            gongkai::cli::restore(&config.database_url, &from, force).await?;
            println!("restored from {}", from.display());
            Ok(())
        }
        Command::BenchSeed { cases, sample, sample_out } => {
            let db = Db::connect_and_migrate(&config.database_url, 2).await?;
            let opts = gongkai::demo::DemoOptions::from_config(&config);
            gongkai::demo::seed_if_empty(&db, &opts).await?;
            let mut out = std::io::BufWriter::new(std::fs::File::create(&sample_out)?);
            gongkai::demo::bench::seed_cases(&db, cases, sample, &mut out).await?;
            std::io::Write::flush(&mut out)?;
            println!("{cases} bench cases added; samples in {}", sample_out.display());
            Ok(())
        }
        Command::BenchLetters { letters } => {
            let db = Db::connect_and_migrate(&config.database_url, 2).await?;
            let opts = gongkai::demo::DemoOptions::from_config(&config);
            gongkai::demo::seed_if_empty(&db, &opts).await?;
            gongkai::demo::bench::seed_letters(&db, letters).await?;
            println!("{letters} bench letters added");
            Ok(())
        }
        Command::LookupSql => {
            let sql = gongkai::cases::store::with_parts_sql(server::db::Backend::Postgres);
            std::io::Write::write_all(&mut std::io::stdout(), format!("{sql}\n").as_bytes()).context("writing to standard output")?;
            Ok(())
        }
        Command::BenchCatalog { entries } => {
            let db = Db::connect_and_migrate(&config.database_url, 2).await?;
            let opts = gongkai::demo::DemoOptions::from_config(&config);
            gongkai::demo::seed_if_empty(&db, &opts).await?;
            let (author,): (i64,) = sqlx::query_as("SELECT MIN(id) FROM staff").fetch_one(&db.pool).await?;
            gongkai::demo::catalog::seed(&db, entries, opts.today, author, false).await?;
            println!("{entries} bench catalog entries added");
            Ok(())
        }
    }
}
