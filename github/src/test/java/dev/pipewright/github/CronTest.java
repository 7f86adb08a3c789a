package dev.pipewright.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cron fields as GitHub reads them; day-of-month is 1-31, not 0-59 as github-workflows-kt checks.
 */
class CronTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "* * * * *", "0 0 1 1 0", "59 23 31 12 6", "*/15 * * * *", "0 9-17/2 * * MON-FRI",
                "0 0 1,15 * *", "0 0 * JAN,jul *", "0 0 * jan-DEC sun", "5/10 * * * *",
                        "0 12 * * sat",
                "  0 3 * * *  ", "0\t3 * * *", "0 0 31 dec *", "1-59/7 0-23 1-31/3 1-12 0-6"
            })
    void positiveValid(String cron) {
        assertThat(Cron.problem(cron)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // day-of-month is 1..31: the range github-workflows-kt gets wrong
                "0 0 0 * *     | cron '0 0 0 * *' day-of-month: 0 is outside 1-31",
                "0 0 32 * *    | cron '0 0 32 * *' day-of-month: 32 is outside 1-31",
                "0 0 45 * *    | cron '0 0 45 * *' day-of-month: 45 is outside 1-31",
                "60 * * * *    | cron '60 * * * *' minute: 60 is outside 0-59",
                "0 24 * * *    | cron '0 24 * * *' hour: 24 is outside 0-23",
                "0 0 * 0 *     | cron '0 0 * 0 *' month: 0 is outside 1-12",
                "0 0 * 13 *    | cron '0 0 * 13 *' month: 13 is outside 1-12",
                // GitHub's docs and its workflow parser (DOW_RANGE 0-6) refuse 7, which some crons
                // read as Sunday
                "0 0 * * 7     | cron '0 0 * * 7' day-of-week: 7 is outside 0-6",
                "0 0 * * 5-7   | cron '0 0 * * 5-7' day-of-week: 7 is outside 0-6",
                "0 0 * JANUARY * | cron '0 0 * JANUARY *' month: 'JANUARY' is not a month value",
                "0 0 * * FUN   | cron '0 0 * * FUN' day-of-week: 'FUN' is not a day-of-week value",
                "0 0 MON * *   | cron '0 0 MON * *' day-of-month: 'MON' is not a day-of-month value",
                "*/0 * * * *   | cron '*/0 * * * *' minute: step '0' must be a positive number",
                "*/x * * * *   | cron '*/x * * * *' minute: step 'x' must be a positive number",
                "10-5 * * * *  | cron '10-5 * * * *' minute: range 10-5 runs backwards",
                "1-2-3 * * * * | cron '1-2-3 * * * *' minute: '1-2-3' is not a value, range or step",
                "1,,2 * * * *  | cron '1,,2 * * * *' minute: '' is not a minute value",
                "0 0 * *       | cron '0 0 * *' has 4 fields; GitHub needs 5: minute hour day-of-month month day-of-week",
                "0 0 * * * *   | cron '0 0 * * * *' has 6 fields; GitHub needs 5: minute hour day-of-month month day-of-week",
                "@daily        | cron '@daily' has 1 fields; GitHub needs 5: minute hour day-of-month month day-of-week"
            })
    void negativeInvalid(String cron, String message) {
        assertThat(Cron.problem(cron)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void negativeBlank(String cron) {
        assertThat(Cron.problem(cron))
                .contains(
                        "cron '"
                                + cron
                                + "' has 0 fields; GitHub needs 5: minute hour day-of-month month day-of-week");
    }

    @Test
    void frequencyIsTheShortestGapBetweenMinutes() {
        assertThat(Cron.tooFrequent("* * * * *")).isEqualTo(1);
        assertThat(Cron.tooFrequent("*/3 * * * *")).isEqualTo(3);
        assertThat(Cron.tooFrequent("0,58 * * * *")).isEqualTo(2); // across the hour
        assertThat(Cron.tooFrequent("0-4 * * * *")).isEqualTo(1);
        assertThat(Cron.tooFrequent("*/5 * * * *")).isEqualTo(-1);
        assertThat(Cron.tooFrequent("0 * * * *")).isEqualTo(-1);
        assertThat(Cron.tooFrequent("5/2 * * * *")).isEqualTo(2);
        assertThat(Cron.tooFrequent("* * * * 7"))
                .isEqualTo(-1); // invalid: not a frequency question
    }
}
