package org.careerconversations.conversation;

import org.careerconversations.AppTest;
import org.junit.jupiter.api.Test;

/** The demo organisation walks a whole cycle, a check-in and a revision through the REST API, on H2. */
class ConversationRestTest extends AppTest {

    @Test
    void demoUsersWalkACycleToASignedAgreement() {
        new CycleWalk(rest(), jdbc, engine).walkAndCheck();
    }
}
