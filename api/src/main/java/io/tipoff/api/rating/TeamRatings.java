package io.tipoff.api.rating;

import io.tipoff.api.web.InvalidFieldException;
import io.tipoff.ratings.RatingMethod;
import io.tipoff.ratings.SeasonGame;
import io.tipoff.ratings.SeasonGamesCsv;
import io.tipoff.ratings.SeasonRatings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Every team's ratings as of a day of a season, from the season's imported games ({@link SeasonRatings}). A season's
 * games are read once per version and its ratings computed once per (season, day, version): a few tens of
 * milliseconds each, kept for the {@link #CACHED_DAYS} most recently used days. A new import gives the season a new
 * version, so nothing cached is ever stale, on this api instance or another.
 */
@Service
public class TeamRatings {

    /** Days (of any season) whose ratings are kept: a season's tournament and a few weeks of daily forecasts. */
    static final int CACHED_DAYS = 64;
    /** Seasons whose games are kept in memory: about 1 MB each. */
    static final int CACHED_SEASONS = 8;

    private final GameStore store;
    private final Map<Key, SeasonRatings> ratings = lru(CACHED_DAYS);
    private final Map<Integer, Games> games = lru(CACHED_SEASONS);

    TeamRatings(GameStore store) {
        this.store = store;
    }

    private record Key(int season, int asOfDay, long version) {
    }

    private record Games(long version, List<SeasonGame> games) {
    }

    /** Why a season has no ratings as of a day (a bad day, no game of the season imported, or none by then). */
    public static final class NoRatingsException extends InvalidFieldException {

        /** The request's field at fault ({@code asOfDay} unless said otherwise) and what is wrong with it. */
        public NoRatingsException(String field, String reason) {
            super(field, reason);
        }
    }

    /**
     * The season's ratings as of {@code asOfDay} (its games up to and including that day).
     *
     * @throws NoRatingsException when the season has no imported games, or none by that day
     */
    public SeasonRatings asOf(int season, int asOfDay) {
        if (asOfDay < 0 || asOfDay > SeasonGamesCsv.MAX_DAY) {
            throw new NoRatingsException("asOfDay", "must be a day from 0 to " + SeasonGamesCsv.MAX_DAY);
        }
        long version = store.version(season).orElseThrow(() -> new NoRatingsException("asOfDay",
                "has no games: season " + season + " has no imported games (POST /api/v1/games/import)"));
        Key key = new Key(season, asOfDay, version);
        SeasonRatings cached = get(ratings, key);
        if (cached != null) {
            return cached;
        }
        List<SeasonGame> seasonGames = seasonGames(season, version);
        if (seasonGames.stream().noneMatch(game -> game.day() <= asOfDay)) {
            throw new NoRatingsException("asOfDay", "is before the first game of season " + season);
        }
        // Two requests for the same new day may both compute it: the result is the same, and it is cheap.
        SeasonRatings computed = SeasonRatings.of(season, asOfDay, seasonGames, RatingMethod.DEFAULT);
        put(ratings, key, computed);
        return computed;
    }

    /** Whether the season has imported games. */
    public boolean hasGames(int season) {
        return store.version(season).isPresent();
    }

    private List<SeasonGame> seasonGames(int season, long version) {
        Games cached = get(games, season);
        if (cached != null && cached.version() == version) {
            return cached.games();
        }
        List<SeasonGame> loaded = List.copyOf(store.games(season));
        put(games, season, new Games(version, loaded));
        return loaded;
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    private static <K, V> V get(Map<K, V> map, K key) {
        synchronized (map) {
            return map.get(key);
        }
    }

    private static <K, V> void put(Map<K, V> map, K key, V value) {
        synchronized (map) {
            map.put(key, value);
        }
    }

    /** For callers that want an absent season as empty rather than an exception. */
    public Optional<SeasonRatings> find(int season, int asOfDay) {
        try {
            return Optional.of(asOf(season, asOfDay));
        } catch (NoRatingsException e) {
            return Optional.empty();
        }
    }
}
