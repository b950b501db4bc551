package org.mamori.directory.internal;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface CandidateCriteria extends ListCrudRepository<CandidateCriterion, String> {

  @Query("select * from candidate_criterion order by display_order, code")
  List<CandidateCriterion> findAllInOrder();

  /** The highest score any candidate holds on the criterion; 0 when nobody is scored on it. */
  @Query("select coalesce(max(score), 0) from candidate_score where criterion_code = :code")
  int highestScoreGiven(String code);
}
