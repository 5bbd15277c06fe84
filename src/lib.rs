#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod corpus;
mod date;
mod index;
pub mod load;
mod model;
pub mod query;
pub mod report;

pub use corpus::{Corpus, CorpusBuilder};
pub use date::{Date, DateError};
pub use load::{Diagnostic, LoadError, Severity};
pub use model::{
    AggravatedForm, Approach, Article, ArticleRef, BarEffect, Basis, BasisId, BasisKind, Clause, Comparison,
    CooperationProcedure, DcRequirement, JurisdictionalElements, NationalityRule, Obligation, ObligationWhen, Party,
    Supersession, Terms, Threshold, ThresholdIn, Cooperation, Declarable, Declaration, EawRule, Element,
    ElementId, ElementKind, Implication, Instrument, InstrumentId, Jurisdiction, JurisdictionCode,
    LegalFamily, NotEncoded, Offense, OffenseId, OffenseVersion, PartialApplication, Partition,
    Penalty, PreservationRule, Reservable, Reservation, Rule, ScopeGap, ThresholdRule, Title,
    TreatyStatus, Variant, Verification,
};
pub use query::{
    Alternative, Applies, Bar, BarKind, BasisRef, CooperationAnswer, CooperationCell, CooperationOutcome,
    CooperationRequest, MatrixPerson, Nationality, ObligationRef,
    Advice, AdviceKind, ArticleCoverage, ArticlePair, Conduct, CoverageReport, CoverageStatus,
    Crosswalk, DecidingFact, DecidingSet, Difference, DualCriminalityAnswer,
    DualCriminalityRequest, ExtraElement, ExtraKind, FactValue, NotEncodedSides, Outcome,
    Procedure, ProvisionRef, QueryError, Reading, Reason, Relation, Unmatched, VariantCoverage,
    VariantStatus, Verdict, VerdictMatrix,
};
