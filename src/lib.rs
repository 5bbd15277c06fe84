#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod checks;
mod corpus;
mod date;
mod index;
mod iso;
pub mod load;
mod model;
pub mod query;
pub mod report;
mod suggest;

pub use corpus::{Corpus, CorpusBuilder};
pub use date::{Date, DateError};
pub use load::{Diagnostic, LoadError, Severity};
pub use model::{
    AggravatedForm, Approach, Article, ArticleRef, BarEffect, Basis, BasisId, BasisKind, Clause,
    Comparison, Cooperation, CooperationProcedure, DcRequirement, Declarable, Declaration, EawRule,
    Element, ElementId, ElementKind, Implication, Instrument, InstrumentId, Jurisdiction,
    JurisdictionCode, JurisdictionalElements, LegalFamily, NationalityRule, NotEncoded, Obligation,
    ObligationWhen, Offense, OffenseId, OffenseVersion, PartialApplication, Partition, Party,
    Penalty, PreservationRule, Reservable, Reservation, Rule, ScopeGap, Supersession, Suspension,
    Terms, Threshold, ThresholdIn, ThresholdRule, Title, TreatyStatus, Variant, Verification,
};
pub use model::{
    Contact, ContactRole, Lack, NotAssessedEntry, PeriodUnit, Power, PowerPeriod, PowerVersion,
    Powers, ProceduralArticle, Requirement, Span,
};
pub use query::{
    Advice, AdviceKind, Alternative, Applies, ArticleCoverage, ArticlePair, Bar, BarKind, BasisRef,
    Conduct, CooperationAnswer, CooperationCell, CooperationOutcome, CooperationRequest,
    CoverageReport, CoverageStatus, Crosswalk, DecidingFact, DecidingSet, Difference,
    DualCriminalityAnswer, DualCriminalityRequest, Execution, ExtraElement, ExtraKind, FactValue,
    MatrixPerson, Nationality, NotEncodedSides, ObligationRef, Outcome, Part, Procedure,
    ProvisionRef, QueryError, Reading, Reason, Relation, Suggestion, Unmatched, VariantCoverage,
    VariantStatus, Verdict, VerdictMatrix,
};
pub use query::{ContactRef, PowerRef, ProceduralCoverage, RequirementCoverage, RequirementStatus};
