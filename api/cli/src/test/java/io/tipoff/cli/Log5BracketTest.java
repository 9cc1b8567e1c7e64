package io.tipoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tipoff.model.Bracket.Slot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Log5BracketTest {

    private static final List<Slot> FOUR_SLOTS = List.of(new Slot("F", "S1", "S2"), new Slot("S1", "A", "B"),
            new Slot("S2", "C", "D"));

    private static Map<String, Double> fourRatings() {
        Map<String, Double> ratings = new LinkedHashMap<>();
        ratings.put("A", 0.8);
        ratings.put("B", 0.5);
        ratings.put("C", 0.5);
        ratings.put("D", 0.2);
        return ratings;
    }

    /**
     * Four teams, two semifinals and a final. Ratings A 0.8, B 0.5, C 0.5, D 0.2, so that log5 gives
     * <pre>
     *   p(A, B) = 0.4 / (0.4 + 0.1) = 0.8      p(C, D) = 0.4 / (0.4 + 0.1) = 0.8
     *   p(A, C) = 0.8   p(A, D) = 0.64 / 0.68 = 16/17   p(B, C) = 0.5   p(B, D) = 0.8
     * </pre>
     * Semifinals: A 0.8, B 0.2, C 0.8, D 0.2. Title:
     * <pre>
     *   A: 0.8 × (0.8 × 0.8 + 0.2 × 16/17) = 11.264 / 17 = 0.66259
     *   B: 0.2 × (0.8 × 0.5 + 0.2 × 0.8)   = 0.112
     *   C: 0.8 × (0.8 × 0.2 + 0.2 × 0.5)   = 0.208
     *   D: 0.2 × (0.8 × 1/17 + 0.2 × 0.2)  = 0.296 / 17 = 0.01741
     * </pre>
     * which add up to one.
     */
    @Test
    void aFourTeamBracketHasTheChancesWorkedByHand() {
        Map<String, Double> ratings = fourRatings();
        List<Slot> slots = FOUR_SLOTS;

        Map<String, Map<String, Double>> chances = Log5Bracket.chances(ratings, slots);

        assertThat(chances.keySet()).containsExactly("A", "B", "C", "D");
        assertThat(chances.get("A").keySet()).containsExactly("NCG", "CHAMP");
        assertThat(chances.get("A").get("NCG")).isCloseTo(0.8, offset(1e-12));
        assertThat(chances.get("B").get("NCG")).isCloseTo(0.2, offset(1e-12));
        assertThat(chances.get("C").get("NCG")).isCloseTo(0.8, offset(1e-12));
        assertThat(chances.get("D").get("NCG")).isCloseTo(0.2, offset(1e-12));
        assertThat(chances.get("A").get("CHAMP")).isCloseTo(11.264 / 17, offset(1e-12));
        assertThat(chances.get("B").get("CHAMP")).isCloseTo(0.112, offset(1e-12));
        assertThat(chances.get("C").get("CHAMP")).isCloseTo(0.208, offset(1e-12));
        assertThat(chances.get("D").get("CHAMP")).isCloseTo(0.296 / 17, offset(1e-12));
    }

    /** With the semifinals decided (B and C won), the final is log5 of those two alone: p(B, C) = 0.5. */
    @Test
    void decidedGamesAreCertainAndTheRestPlaysFromTheirWinners() {
        Map<String, Double> ratings = fourRatings();
        List<Slot> slots = FOUR_SLOTS;

        Map<String, Map<String, Double>> chances = Log5Bracket.chances(ratings, slots, Map.of("S1", "B", "S2", "C"));

        assertThat(chances.get("A")).containsEntry("NCG", 0.0).containsEntry("CHAMP", 0.0);
        assertThat(chances.get("B")).containsEntry("NCG", 1.0);
        assertThat(chances.get("B").get("CHAMP")).isCloseTo(0.5, offset(1e-12));
        assertThat(chances.get("C").get("CHAMP")).isCloseTo(0.5, offset(1e-12));
        assertThat(chances.get("D").get("CHAMP")).isZero();
    }

    /** A play-in, as the First Four: B and C (0.5 each) play for the right to meet A (0.8) in the final. */
    @Test
    void aTeamOfAPlayInHasOneRoundMore() {
        Map<String, Double> ratings = new LinkedHashMap<>();
        ratings.put("A", 0.8);
        ratings.put("Ba", 0.5);
        ratings.put("Bb", 0.5);
        List<Slot> slots = List.of(new Slot("B", "Ba", "Bb"), new Slot("F", "A", "B"));

        Map<String, Map<String, Double>> chances = Log5Bracket.chances(ratings, slots);

        assertThat(chances.get("A")).containsOnlyKeys("CHAMP");
        assertThat(chances.get("A").get("CHAMP")).isCloseTo(0.8, offset(1e-12));
        assertThat(chances.get("Ba").keySet()).containsExactly("NCG", "CHAMP");
        assertThat(chances.get("Ba").get("NCG")).isCloseTo(0.5, offset(1e-12));
        assertThat(chances.get("Ba").get("CHAMP")).isCloseTo(0.1, offset(1e-12));
    }

    @Test
    void slotsThatAreNotOneTreeAreRefused() {
        Map<String, Double> ratings = Map.of("A", 0.8, "B", 0.5);
        assertThatThrownBy(() -> Log5Bracket.chances(ratings, List.of(new Slot("F", "A", "C"))))
                .hasMessage("C is neither a seed nor a slot");
        assertThatThrownBy(() -> Log5Bracket.chances(ratings, List.of(new Slot("F", "A", "B"),
                new Slot("G", "A", "B")))).hasMessage("the slots have 2 finals, not one");
    }
}
