package org.careerconversations.organisation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EmployeeRepository extends JpaRepository<Employee, String> {

    /** The employee with their manager and HR partner, as far as they exist: one query instead of three. */
    @Query("select e from Employee e where e.id = :id"
        + " or e.id = (select x.managerId from Employee x where x.id = :id)"
        + " or e.id = (select x.hrPartnerId from Employee x where x.id = :id)")
    List<Employee> findWithManagerAndHrPartner(String id);
}
