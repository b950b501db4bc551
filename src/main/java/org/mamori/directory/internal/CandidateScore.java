package org.mamori.directory.internal;

import org.springframework.data.relational.core.mapping.Table;

/** A candidate's score on one criterion, with the reason for it. */
@Table("candidate_score")
record CandidateScore(String criterionCode, int score, String rationale) {}
