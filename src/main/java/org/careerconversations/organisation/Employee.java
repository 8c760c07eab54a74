package org.careerconversations.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/** A person of the organisation; the id is also their Camunda user id. */
@Entity
@Table(name = "employee")
public class Employee {

    @Id
    private String id;
    private String name;
    private String email;
    @Column(name = "manager_id")
    private String managerId;
    @Column(name = "hr_partner_id")
    private String hrPartnerId;
    private LocalDate hireDate;
    private String employmentType;
    private String jobTitle;
    private boolean active = true;
    private LocalDate nextConversationDue;
    @Version
    private long version;

    protected Employee() {
    }

    public Employee(String id, String name, String email, String managerId, String hrPartnerId,
                    LocalDate hireDate, String employmentType, String jobTitle) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.managerId = managerId;
        this.hrPartnerId = hrPartnerId;
        this.hireDate = hireDate;
        this.employmentType = employmentType;
        this.jobTitle = jobTitle;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Optional<String> getManagerId() {
        return Optional.ofNullable(managerId);
    }

    public Optional<String> getHrPartnerId() {
        return Optional.ofNullable(hrPartnerId);
    }

    public LocalDate getHireDate() {
        return hireDate;
    }

    public String getEmploymentType() {
        return employmentType;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public boolean isActive() {
        return active;
    }

    public Optional<LocalDate> getNextConversationDue() {
        return Optional.ofNullable(nextConversationDue);
    }

    /** Whole months between hire date and the given day, the tenure ReviewCadence reads. */
    public int tenureMonthsOn(LocalDate day) {
        return day.isBefore(hireDate) ? 0 : (int) Period.between(hireDate, day).toTotalMonths();
    }

    /** Takes the values of an import row; answers whether anything changed. */
    boolean update(String name, String email, String managerId, String hrPartnerId, LocalDate hireDate,
                   String employmentType, String jobTitle) {
        boolean changed = !java.util.Objects.equals(this.name, name) || !java.util.Objects.equals(this.email, email)
            || !java.util.Objects.equals(this.managerId, managerId)
            || !java.util.Objects.equals(this.hrPartnerId, hrPartnerId)
            || !java.util.Objects.equals(this.hireDate, hireDate)
            || !java.util.Objects.equals(this.employmentType, employmentType)
            || !java.util.Objects.equals(this.jobTitle, jobTitle) || !active;
        if (changed) {
            this.name = name;
            this.email = email;
            this.managerId = managerId;
            this.hrPartnerId = hrPartnerId;
            this.hireDate = hireDate;
            this.employmentType = employmentType;
            this.jobTitle = jobTitle;
            this.active = true;
        }
        return changed;
    }

    /** The person left the organisation. */
    void deactivate() {
        this.active = false;
    }

    public void nextConversationDueOn(LocalDate due) {
        this.nextConversationDue = due;
    }
}
