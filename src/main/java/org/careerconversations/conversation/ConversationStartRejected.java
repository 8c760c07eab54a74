package org.careerconversations.conversation;

import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;

/**
 * A conversation that must not start (unknown, inactive or busy employee, or a starter who may not start
 * it). It is a REST exception on purpose: the engine REST API answers an engine exception thrown while
 * starting an instance with 500, but passes a REST exception's status through, so a caller of
 * {@code /process-definition/key/CareerConversation/start} or Tasklist's start form reads this message with
 * a 4xx status. Through the Java API it is an ordinary runtime exception that rolls the start back.
 */
public class ConversationStartRejected extends InvalidRequestException {

    ConversationStartRejected(Status status, String message) {
        super(status, message);
    }
}
