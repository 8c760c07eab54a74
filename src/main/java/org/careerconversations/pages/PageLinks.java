package org.careerconversations.pages;

import java.util.ArrayList;
import java.util.List;
import org.careerconversations.pages.PageViews.PageLink;
import org.careerconversations.security.ConversationAccess;
import org.careerconversations.security.CurrentUser.Caller;
import org.careerconversations.security.Groups;
import org.springframework.stereotype.Component;

/** Which of the people's pages someone has: My conversations for everyone, My team, People for HR partners. */
@Component
class PageLinks {

    static final String MY_CONVERSATIONS = "/careers/my-conversations";
    static final String MY_TEAM = "/careers/my-team";
    static final String PEOPLE = "/careers/people";

    private final ConversationAccess access;

    PageLinks(ConversationAccess access) {
        this.access = access;
    }

    List<PageLink> of(Caller caller) {
        List<PageLink> links = new ArrayList<>();
        links.add(new PageLink("My conversations", MY_CONVERSATIONS));
        if (caller.isIn(Groups.MANAGERS) || !access.reportsOf(caller.userId()).isEmpty()) {
            links.add(new PageLink("My team", MY_TEAM));
        }
        if (caller.isIn(Groups.HR)) {
            links.add(new PageLink("People", PEOPLE));
        }
        return links;
    }
}
