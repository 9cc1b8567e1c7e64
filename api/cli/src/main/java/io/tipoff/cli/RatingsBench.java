package io.tipoff.cli;

import io.tipoff.ratings.RatingMethod;
import io.tipoff.ratings.SeasonGame;
import io.tipoff.ratings.SeasonGamesCsv;
import io.tipoff.ratings.SeasonRatings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How long a season's ratings take, no services: {@code bin/tipoff bench-ratings --data DIR [--as-of-day 132]
 * [--runs 5]}. Reads every {@code season_games_*.csv} of DIR, warms the JIT up, computes each season's ratings as of
 * the day R times, and prints one JSON line per season with the median run. What the api does on the first request
 * for a (season, day); later ones are served from its cache.
 */
public final class RatingsBench {

    private RatingsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path data = null;
        int asOfDay = Backtest.SELECTION_SUNDAY;
        int runs = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--as-of-day" -> asOfDay = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null || runs < 1) {
            throw new IllegalArgumentException(
                    "usage: bin/tipoff bench-ratings --data DIR [--as-of-day 132] [--runs 5]");
        }
        List<SeasonGame> games = new ArrayList<>();
        for (Path file : BacktestData.files(data, BacktestData.SEASON_GAME_FILES)) {
            games.addAll(SeasonGamesCsv.read(Files.readString(file)));
        }
        TreeSet<Integer> seasons = new TreeSet<>(games.stream().map(SeasonGame::season).toList());
        long warmupEnd = System.nanoTime() + 3_000_000_000L;
        for (int round = 0; round < 3 || System.nanoTime() < warmupEnd; round++) {
            SeasonRatings.of(seasons.first(), asOfDay, games, RatingMethod.DEFAULT);
        }
        for (int season : seasons) {
            double[] seconds = new double[runs];
            SeasonRatings ratings = null;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                ratings = SeasonRatings.of(season, asOfDay, games, RatingMethod.DEFAULT);
                seconds[run] = (System.nanoTime() - start) / 1e9;
            }
            System.out.printf(Locale.ROOT, "{\"season\":%d,\"asOfDay\":%d,\"games\":%d,\"teams\":%d,\"seconds\":%.4f,"
                            + "\"runs\":%s}%n", season, asOfDay, ratings.games(), ratings.teams().size(),
                    Bench.median(seconds), Arrays.toString(seconds).replace(" ", ""));
        }
    }
}
