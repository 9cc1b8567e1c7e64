package io.tipoff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BracketCsvTest {

    @Test
    void readsSeedsOfEverySeasonWithTheirLines() {
        List<BracketCsv.SeedRow> rows = BracketCsv.seeds("""
                Season,Seed,TeamID
                2018,W01,1438
                
                2019,W16a,1125
                """);

        assertThat(rows).containsExactly(new BracketCsv.SeedRow(2, 2018, "W01", 1438),
                new BracketCsv.SeedRow(4, 2019, "W16a", 1125));
    }

    @Test
    void findsColumnsByHeaderInAnyOrderAndCase() {
        List<BracketCsv.SlotRow> rows = BracketCsv.slots("""
                WeakSeed,slot,Extra,STRONGSEED,season\r
                W16,R1W1,x,W01,2019\r
                """);

        assertThat(rows).containsExactly(new BracketCsv.SlotRow(2, 2019, "R1W1", "W01", "W16"));
        assertThat(rows.get(0).toSlot()).isEqualTo(new Bracket.Slot("R1W1", "W01", "W16"));
    }

    @Test
    void aBadValueIsNamedByLineAndColumn() {
        assertThatThrownBy(() -> BracketCsv.seeds("Season,Seed,TeamID\n2019,W01,1438\n2019,W02,Duke\n"))
                .isInstanceOfSatisfying(TeamDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("TeamID");
                    assertThat(e.reason()).isEqualTo("not a whole number: Duke");
                });
        assertThatThrownBy(() -> BracketCsv.slots("Season,Slot,StrongSeed,WeakSeed\n2019,R1W1,W01,\n"))
                .hasMessage("line 2, WeakSeed: missing value");
        assertThatThrownBy(() -> BracketCsv.slots("Season,Slot,StrongSeed\n2019,R1W1,W01\n"))
                .hasMessage("line 1, WeakSeed: missing column");
        assertThatThrownBy(() -> BracketCsv.seeds("Season,Seed,TeamID\n1492,W01,1\n"))
                .hasMessage("line 2, Season: must be between 1900 and 2200, was 1492");
        assertThatThrownBy(() -> BracketCsv.seeds("")).hasMessage("line 1, header: no header line");
    }

    @Test
    void aLabelKeepsTheRulesOfAJsonSeedOrSlot() {
        assertThatThrownBy(() -> BracketCsv.seeds("Season,Seed,TeamID\n2019,W\u000001,1438\n"))
                .hasMessage("line 2, Seed: must not contain control characters, has U+0000 at 2");
        assertThatThrownBy(() -> BracketCsv.slots("Season,Slot,StrongSeed,WeakSeed\n2019,R1W1,W01," + "W".repeat(21)
                + "\n")).hasMessage("line 2, WeakSeed: must be at most 20 characters, has 21");
        // An unclosed quote makes one field of the rest of the file; the message does not repeat it.
        String rest = "2019,W02,1181\n".repeat(1_000);
        assertThatThrownBy(() -> BracketCsv.seeds("Season,Seed,TeamID\n2019,W01,\"1438\n" + rest))
                .hasMessage("line 2, TeamID: must not contain control characters, has U+000A at 5");
    }
}
