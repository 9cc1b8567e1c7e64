package io.tipoff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PicksCsvTest {

    private static final String HEADER = "season,source_name,espn_team_id,espn_ranking,kaggle_team_id,kaggle_team_name,"
            + "kaggle_seed,pick_win_r64,pick_win_r32,pick_win_s16,pick_win_e8,pick_win_f4,pick_champion\n";

    @Test
    void readsTeamsAndFirstFourPairsListedAsOne() {
        List<PicksCsv.Row> rows = PicksCsv.read(HEADER
                + "2018,Arizona,12,,1112,Arizona,Y04,0.902,0.581,0.233,0.18,0.109,0.049\n"
                + "2018,LIU/Radford,,,1254|1347,LIU Brooklyn|Radford,W16a|W16b,0.013,0.007,0.005,0.004,0.002,0.001\n");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).teamIds()).containsExactly(1112);
        assertThat(rows.get(0).seeds()).containsExactly("Y04");
        assertThat(rows.get(0).shares()).containsExactly(0.902, 0.581, 0.233, 0.18, 0.109, 0.049);
        assertThat(rows.get(1).teamIds()).containsExactly(1254, 1347);
        assertThat(rows.get(1).seeds()).containsExactly("W16a", "W16b");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void aBadValueIsNamedByLineAndColumn() {
        assertThatThrownBy(() -> PicksCsv.read(HEADER + "2018,Arizona,12,,1112,Arizona,Y04,0.9,1.5,0.2,0.1,0.1,0.04\n"))
                .isInstanceOfSatisfying(TeamDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.field()).isEqualTo("pick_win_r32");
                });
        assertThatThrownBy(() -> PicksCsv.read("season,kaggle_team_id\n2018,1112\n"))
                .isInstanceOfSatisfying(TeamDataException.class, e -> assertThat(e.field()).isEqualTo("pick_win_r64"));
        assertThatThrownBy(() -> PicksCsv.read(HEADER + "2018,Arizona,12,,abc,Arizona,Y04,0.9,0.5,0.2,0.1,0.1,0.04\n"))
                .isInstanceOfSatisfying(TeamDataException.class,
                        e -> assertThat(e.field()).isEqualTo("kaggle_team_id"));
    }
}
