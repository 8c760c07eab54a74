package org.careerconversations.organisation;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.careerconversations.security.Groups;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo organisation (README, "Try it"), created at start in the {@code demo} profile only, and only what is
 * missing, so a restart keeps everything people did and duplicates nothing. Every password is "demo".
 */
@Component
@Profile("demo")
class DemoOrganisation {

    static final String PASSWORD = "demo";

    private record Person(String id, String name, String group, String managerId, LocalDate hireDate,
                          String employmentType, String jobTitle) {
    }

    // hire dates and employment types vary so that ReviewCadence gives different answers
    private static final List<Person> PEOPLE = List.of(
        new Person("hanna", "Hanna Hart", Groups.HR, null, LocalDate.of(2015, 3, 1), "permanent", "HR Partner"),
        new Person("hugo", "Hugo Haas", Groups.PROCESS_DESIGNERS, null, LocalDate.of(2020, 1, 15), "permanent",
            "HR Process Designer"),
        new Person("olga", "Olga Olsen", Groups.PROCESS_OWNERS, null, LocalDate.of(2017, 11, 6), "permanent",
            "Process Owner"),
        new Person("dora", "Dora Dijkstra", Groups.MANAGERS, null, LocalDate.of(2012, 9, 1), "permanent", "Director"),
        new Person("maria", "Maria Mendes", Groups.MANAGERS, "dora", LocalDate.of(2016, 5, 1), "permanent",
            "Engineering Manager"),
        new Person("mark", "Mark Meijer", Groups.MANAGERS, "dora", LocalDate.of(2019, 9, 16), "permanent",
            "Sales Manager"),
        new Person("eva", "Eva Evers", Groups.EMPLOYEES, "maria", LocalDate.of(2026, 9, 1), "probation",
            "Software Engineer"),
        new Person("erik", "Erik Eriksen", Groups.EMPLOYEES, "maria", LocalDate.of(2018, 2, 1), "permanent",
            "Senior Software Engineer"),
        new Person("emma", "Emma Engel", Groups.EMPLOYEES, "maria", LocalDate.of(2025, 4, 1), "fixed-term",
            "UX Designer"),
        new Person("emil", "Emil Eder", Groups.EMPLOYEES, "mark", LocalDate.of(2026, 2, 2), "permanent",
            "Account Manager"),
        new Person("elin", "Elin Ek", Groups.EMPLOYEES, "mark", LocalDate.of(2021, 6, 1), "permanent",
            "Sales Engineer"));

    private final EmployeeRepository employees;
    private final IdentityService identity;
    private final TransactionTemplate transaction;

    DemoOrganisation(EmployeeRepository employees, IdentityService identity, TransactionTemplate transaction) {
        this.employees = employees;
        this.identity = identity;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void create() {
        transaction.executeWithoutResult(status -> {
            for (Person p : PEOPLE) {
                if (!employees.existsById(p.id())) {
                    // managers are saved before their reports: PEOPLE lists them first
                    employees.saveAndFlush(new Employee(p.id(), p.name(), p.id() + "@example.org", p.managerId(),
                        "hanna", p.hireDate(), p.employmentType(), p.jobTitle()));
                }
            }
        });
        for (Person p : PEOPLE) {
            if (identity.createUserQuery().userId(p.id()).count() == 0) {
                User user = identity.newUser(p.id());
                int space = p.name().indexOf(' ');
                user.setFirstName(p.name().substring(0, space));
                user.setLastName(p.name().substring(space + 1));
                user.setEmail(p.id() + "@example.org");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
            }
            member(p.id(), p.group());
        }
        // hanna is an HR partner and watches the process in Cockpit
        member("hanna", Groups.PROCESS_OWNERS);
    }

    private void member(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
