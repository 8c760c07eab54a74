package org.careerconversations.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careerconversations.EngineRest.variables;
import static org.careerconversations.process.ProcessVariables.*;

import java.util.Arrays;
import java.util.List;
import org.careerconversations.AppTest;
import org.careerconversations.EngineRest.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A refused request is the caller's answer, not an error of the app: the log gets one WARN line saying what
 * kind of call was refused how — no stack trace, and nothing of what the message said about people. (The
 * tests switch the engine's command log off; here it is on, as in production.)
 */
@ExtendWith(OutputCaptureExtension.class)
class UserErrorLogTest extends AppTest {

    private static final String ENGINE_COMMANDS = "org.camunda.bpm.engine.context";
    private static final String START = "/engine-rest/process-definition/key/CareerConversation/start";

    @BeforeEach
    void engineCommandLogOnAsInProduction() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(ENGINE_COMMANDS, LogLevel.INFO);
    }

    @AfterEach
    void engineCommandLogOffAgain() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(ENGINE_COMMANDS, LogLevel.OFF);
        jdbc.update("update employee set active = true where id = 'elin'");
    }

    @Test
    void aRefusedStartIsOneWarnLineWithoutNamesOrStackTrace(CapturedOutput output) {
        jdbc.update("update employee set active = false where id = 'elin'");
        int before = output.getOut().length();

        Answer answer = rest().as("hanna").post(START, variables(EMPLOYEE_ID, "elin"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.message()).contains("Elin Ek has left");
        List<String> lines = Arrays.stream(output.getOut().substring(before).split("\\R"))
            .filter(line -> !line.isBlank()).toList();
        assertThat(lines).filteredOn(line -> line.contains(" WARN ")).singleElement().satisfies(line ->
            assertThat(line).contains("POST /engine-rest/process-definition/… refused: 400 InvalidRequestException"));
        assertThat(lines).noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
            || line.contains("Elin") || line.contains("elin"));
    }

    @Test
    void aRefusedCallOfTheAppsApiIsOneWarnLine(CapturedOutput output) {
        int before = output.getOut().length();

        Answer answer = rest().as("erik").get("/api/employees/eva/export");

        assertThat(answer.status()).isEqualTo(403);
        List<String> lines = Arrays.stream(output.getOut().substring(before).split("\\R"))
            .filter(line -> !line.isBlank()).toList();
        assertThat(lines).filteredOn(line -> line.contains(" WARN ")).singleElement().satisfies(line ->
            assertThat(line).contains("GET /api/employees/… refused: 403").doesNotContain("eva"));
        assertThat(lines).noneMatch(line -> line.contains(" ERROR ") || line.startsWith("\tat "));
    }
}
