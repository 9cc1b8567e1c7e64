package io.tipoff.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Team data for tests: a few real team seasons in Torvik's CSV format, and where the shared full file lives. */
public final class TeamData {

    public static final String HEADER =
            "Season,TeamID,TeamName,TEAM,CONF,G,W,ADJOE,ADJDE,BARTHAG,EFG_O,EFG_D,TOR,TORD,ORB,DRB,FTR,FTRD,"
                    + "2P_O,2P_D,3P_O,3P_D,ADJ_T,WAB,POSTSEASON,SEED\n";

    /** Two 2018 teams and five 2019 teams, copied from {@code torvik_teams_2013_2019.csv}; Duke's id is 1181. */
    public static final String SAMPLE = HEADER
            + "2018,1181,Duke,Duke,ACC,37,29,122.3,92.9,0.9592,55.9,46.4,17.5,17.3,38.8,30.0,34.6,22.3,56.0,45.4,37.2,"
            + "32.0,70.9,6.6,E8,2\n"
            + "2018,1438,Virginia,Virginia,ACC,34,31,114.6,86.7,0.9612,52.7,44.3,14.0,20.9,27.0,25.6,24.5,26.2,50.1,"
            + "42.8,38.3,31.0,60.5,11.3,R64,1\n"
            + "2019,1102,Air Force,Air Force,MWC,31,14,99.7,106.1,0.3295,51.3,53.6,19.3,17.8,23.2,24.1,28.3,28.6,53.1,"
            + "53.6,32.3,35.7,67.8,-10.8,NA,NA\n"
            + "2019,1181,Duke,Duke,ACC,38,32,118.9,89.2,0.9646,53.6,45.0,17.5,19.4,35.6,29.5,33.2,24.0,58.0,45.0,30.8,"
            + "29.9,73.6,11.2,E8,1\n"
            + "2019,1277,Michigan St,Michigan St.,B10,39,32,119.9,91.0,0.9597,55.2,43.9,18.5,14.9,33.9,26.4,33.6,27.5,"
            + "54.3,41.9,37.8,31.6,68.6,10.7,F4,2\n"
            + "2019,1403,Texas Tech,Texas Tech,B12,38,31,115.2,85.2,0.9696,53.5,43.0,17.7,22.8,27.4,28.7,32.9,36.6,"
            + "52.8,41.9,36.5,29.7,67.5,7.0,2ND,3\n"
            + "2019,1438,Virginia,Virginia,ACC,38,35,123.0,89.9,0.9736,55.2,44.7,14.7,17.5,30.4,25.4,29.1,26.3,52.5,"
            + "45.7,39.5,28.9,60.7,11.1,Champions,1\n";

    private static final Path SHARED_DIR = Path.of("shared", "data", "ncaa");

    private TeamData() {
    }

    /**
     * Bart Torvik's 2013–2019 season statistics, from the shared data that lives beside the project
     * ({@code ../shared/data/ncaa/}): found by looking in each folder above the module, so that it is also found from
     * a checkout one level deeper (a git worktree). Never copied into the project.
     */
    public static Optional<Path> sharedTorvikFile() {
        return sharedFile("torvik_teams_2013_2019.csv");
    }

    /** A file of the shared NCAA data ({@code tourney_seeds_2013_2019.csv}, …), found as the Torvik file is. */
    public static Optional<Path> sharedFile(String name) {
        Path file = SHARED_DIR.resolve(name);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return Optional.of(dir.resolve(file));
            }
        }
        return Optional.empty();
    }

    /** A file of the shared anchors ({@code ../shared/data/anchors/espn_whopickedwhom_men_2018.csv}, …), found alike. */
    public static Optional<Path> sharedAnchorsFile(String name) {
        Path file = Path.of("shared", "data", "anchors", name);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(file))) {
                return Optional.of(dir.resolve(file));
            }
        }
        return Optional.empty();
    }
}
