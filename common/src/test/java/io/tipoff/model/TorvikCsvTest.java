package io.tipoff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class TorvikCsvTest {

    private static final String HEADER =
            "Season,TeamID,TeamName,TEAM,CONF,G,W,ADJOE,ADJDE,BARTHAG,EFG_O,EFG_D,TOR,TORD,ORB,DRB,FTR,FTRD,"
                    + "2P_O,2P_D,3P_O,3P_D,ADJ_T,WAB,POSTSEASON,SEED\n";
    private static final String DUKE =
            "2019,1181,Duke,Duke,ACC,38,32,118.9,89.2,0.9646,53.6,45.0,17.5,19.4,35.6,29.5,33.2,24.0,58.0,45.0,30.8,"
                    + "29.9,73.6,11.2,E8,1\n";
    private static final String VIRGINIA =
            "2019,1438,Virginia,Virginia,ACC,38,35,123.0,89.9,0.9736,55.2,44.7,14.7,17.5,30.4,25.4,29.1,26.3,52.5,"
                    + "45.7,39.5,28.9,60.7,11.1,Champions,1\n";
    private static final String AIR_FORCE =
            "2019,1102,Air Force,Air Force,MWC,32,14,102.9,106.4,0.4033,52.1,52.0,18.0,17.3,24.3,29.3,30.8,31.1,"
                    + "51.6,50.9,35.4,36.1,66.8,-10.1,NA,NA\n";

    @Test
    void readsEveryTeamSeasonAsAProfile() {
        List<TeamSeason> teams = TorvikCsv.read(HEADER + DUKE + VIRGINIA + AIR_FORCE);
        assertThat(teams).hasSize(3);
        TeamSeason virginia = teams.get(1);
        assertThat(virginia.season()).isEqualTo(2019);
        assertThat(virginia.teamId()).isEqualTo(1438);
        assertThat(virginia.key()).isEqualTo("1438");
        assertThat(virginia.name()).isEqualTo("Virginia");
        assertThat(virginia.conference()).isEqualTo("ACC");
        assertThat(virginia.barthag()).isEqualTo(0.9736);
        assertThat(virginia.postseason()).isEqualTo("Champions");
        assertThat(virginia.seed()).isEqualTo(1);
        TeamProfile profile = virginia.profile();
        assertThat(profile.tempo()).isEqualTo(60.7);
        assertThat(profile.adjOffense()).isEqualTo(123.0);
        assertThat(profile.adjDefense()).isEqualTo(89.9);
        assertThat(profile.offense().twoPointPct()).isCloseTo(0.525, offset(1e-12));
        assertThat(profile.offense().threePointPct()).isCloseTo(0.395, offset(1e-12));
        assertThat(profile.offense().turnoverRate()).isCloseTo(0.147, offset(1e-12));
        assertThat(profile.offense().offensiveReboundRate()).isCloseTo(0.304, offset(1e-12));
        assertThat(profile.offense().freeThrowRate()).isCloseTo(0.291, offset(1e-12));
        assertThat(profile.offense().freeThrowPct()).isEqualTo(LeagueAverages.DIVISION_I_FREE_THROW_PCT);
        assertThat(profile.defense().offensiveReboundRate()).isCloseTo(0.254, offset(1e-12));
        assertThat(profile.defense().turnoverRate()).isCloseTo(0.175, offset(1e-12));
        // EFG 55.2 = 52.5 + s (1.5 × 39.5 − 52.5): s = 0.40, its spread (6.75) large enough to keep it nearly whole.
        assertThat(profile.offense().threePointRate()).isCloseTo(0.40, offset(0.01));
        assertThat(teams.get(2).postseason()).isNull();
        assertThat(teams.get(2).seed()).isNull();
    }

    @Test
    void anUnreliableThreePointShareIsShrunkTowardsTheSeasonMean() {
        // Duke's defense: EFG 45.0 = 2P 45.0, and 1.5 × 29.9 − 45.0 = −0.15: the equation says nothing.
        List<TeamSeason> teams = TorvikCsv.read(HEADER + DUKE + VIRGINIA + AIR_FORCE);
        double dukeDefense = teams.get(0).profile().defense().threePointRate();
        double virginiaDefense = teams.get(1).profile().defense().threePointRate();
        double airForceDefense = teams.get(2).profile().defense().threePointRate();
        assertThat(dukeDefense).isBetween(Math.min(virginiaDefense, airForceDefense) - 0.05,
                Math.max(virginiaDefense, airForceDefense) + 0.05);
    }

    @Test
    void withoutATeamIdTeamsAreKeyedByName() {
        String header = "Season,TEAM,ADJ_T,EFG_O,EFG_D,TOR,TORD,ORB,DRB,FTR,FTRD,2P_O,2P_D,3P_O,3P_D\n";
        List<TeamSeason> teams = TorvikCsv.read(header
                + "2019,\"Texas A&M, Corpus Christi\",67,50,50,18,18,30,30,35,35,49,49,34,34\n");
        assertThat(teams.get(0).teamId()).isNull();
        assertThat(teams.get(0).key()).isEqualTo("Texas A&M, Corpus Christi");
        assertThat(teams.get(0).profile().hasAdjustedEfficiency()).isFalse();
    }

    @Test
    void aMissingColumnIsNamedOnTheHeaderLine() {
        assertThatThrownBy(() -> TorvikCsv.read(HEADER.replace(",ORB,", ",OREB,") + DUKE))
                .isInstanceOfSatisfying(TeamDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.field()).isEqualTo("ORB");
                });
    }

    @Test
    void aBadValueIsNamedByLineAndColumn() {
        assertThatThrownBy(() -> TorvikCsv.read(HEADER + DUKE + VIRGINIA.replace(",52.5,", ",152.5,")))
                .isInstanceOfSatisfying(TeamDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("2P_O");
                    assertThat(e.getMessage()).contains("between 0 and 100").contains("152.5");
                });
        assertThatThrownBy(() -> TorvikCsv.read(HEADER + DUKE.replace(",73.6,", ",fast,")))
                .isInstanceOfSatisfying(TeamDataException.class, e -> assertThat(e.field()).isEqualTo("ADJ_T"));
        assertThatThrownBy(() -> TorvikCsv.read(HEADER + DUKE + DUKE))
                .isInstanceOfSatisfying(TeamDataException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void aNameIsOneTeamPerSeasonWhateverItsCase() {
        String otherDuke = VIRGINIA.replace(",Virginia,Virginia,", ",DUKE,Virginia,");
        assertThatThrownBy(() -> TorvikCsv.read(HEADER + DUKE + otherDuke))
                .isInstanceOfSatisfying(TeamDataException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("TeamName");
                    assertThat(e.reason()).isEqualTo("two teams named DUKE in season 2019");
                });
        assertThat(TorvikCsv.read(HEADER + DUKE + otherDuke.replace("2019,", "2018,"))).hasSize(2);
    }

    @Test
    void readsTheWholeSharedTorvikFile() throws Exception {
        // The shared data lives beside the project (../shared from its root); look in every folder above.
        Path file = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && file == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/ncaa/torvik_teams_2013_2019.csv");
            file = Files.isRegularFile(candidate) ? candidate : null;
        }
        Assumptions.assumeTrue(file != null, "the shared data lives beside the project");
        List<TeamSeason> teams = TorvikCsv.read(Files.readString(file));
        assertThat(teams).hasSize(2455);
        LeagueAverages league2019 = LeagueAverages.of(teams.stream().filter(t -> t.season() == 2019)
                .map(TeamSeason::profile).toList());
        assertThat(league2019.twoPointPct()).isCloseTo(0.5006, offset(0.0005));
        assertThat(league2019.tempo()).isCloseTo(69.17, offset(0.01));
        assertThat(league2019.efficiency()).isCloseTo(103.34, offset(0.01));
        assertThat(league2019.threePointRate()).isBetween(0.30, 0.45);
    }
}
