package io.tipoff.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * {@code bin/tipoff import --data DIR}: imports the games, team seasons and brackets of a directory in the format of
 * the shared NCAA data into the running api ({@link DataImport}), one line per file and per season.
 */
public final class Import {

    static final String USAGE = """
            Usage: bin/tipoff import --data DIR [--url URL]
              --data DIR   season_games_*.csv, torvik_teams_*.csv, tourney_seeds_*.csv and tourney_slots_*.csv, as in
                           the shared NCAA data (the games alone will do)
              --url URL    the api (default http://localhost:$TIPOFF_PORT, 8080)""";

    private Import() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Returns the exit status: 0 imported, 1 failed (the reason on {@code err}), 2 a bad command line. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        String url = "http://localhost:" + System.getenv().getOrDefault("TIPOFF_PORT", "8080");
        Path data = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = value == null ? null : Path.of(value);
                case "--url" -> url = value == null ? null : value.replaceAll("/+$", "");
                default -> {
                    err.println("import: unknown option " + args[i]);
                    err.println(USAGE);
                    return 2;
                }
            }
            if (value == null) {
                err.println("import: " + args[i] + " needs a value");
                err.println(USAGE);
                return 2;
            }
        }
        if (data == null) {
            err.println("import: --data DIR is required");
            err.println(USAGE);
            return 2;
        }
        try {
            DataImport.run(new ApiClient(url), data, null, out);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("import: " + e.getMessage());
            return 1;
        } catch (JacksonException e) {
            err.println("import: the api answered something that is not the expected JSON: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("import: interrupted");
            return 1;
        }
    }
}
