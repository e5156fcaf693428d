package dev.dingus.platform.web.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTest {
    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void textTheDatabaseCannotStoreIsAValidationFailure() {
        for (String state : new String[] {"22021", "22P05"}) {
            assertBadInput(handler.dataAccess(new DataIntegrityViolationException("insert", new SQLException("no", state))));
        }
    }

    @Test
    void theStateIsFoundDownTheCauseChainAndInABatchsNextExceptions() {
        SQLException wrapped = new SQLException("wrapper", "XX000", new SQLException("nul", "22021"));
        assertBadInput(handler.dataAccess(new DataIntegrityViolationException("insert", wrapped)));

        BatchUpdateException batch = new BatchUpdateException("batch", "22000", 0, new int[0]);
        batch.setNextException(new SQLException("untranslatable", "22P05"));
        assertBadInput(handler.dataAccess(new DataIntegrityViolationException("batch", batch)));
    }

    @Test
    void otherDatabaseFailuresStayInternalErrors() {
        ResponseEntity<ProblemDetail> unique = handler.dataAccess(
                new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505")));
        assertThat(unique.getStatusCode().value()).isEqualTo(500);
        assertThat(unique.getBody().getProperties()).containsEntry("code", "internal_error");
        ResponseEntity<ProblemDetail> down = handler.dataAccess(new DataAccessResourceFailureException("down"));
        assertThat(down.getStatusCode().value()).isEqualTo(500);
    }

    private static void assertBadInput(ResponseEntity<ProblemDetail> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "validation_failed");
        assertThat(response.getBody().getDetail()).contains("cannot be stored");
    }
}
