//! Writing the data format back out: a corpus, serialized as data files that load to the same corpus.
//!
//! The files are written as JSON, which every YAML 1.2 parser (and so the loader) reads; comments and anchors of the
//! original files are not kept.

use serde_json::{Map, Value, json};

use crate::Corpus;
use crate::model::*;

fn ids(v: &[ElementId]) -> Value {
    Value::from(v.iter().map(ToString::to_string).collect::<Vec<_>>())
}

fn opt<T: ToString>(v: Option<T>) -> Value {
    v.map_or(Value::Null, |x| Value::String(x.to_string()))
}

fn put(m: &mut Map<String, Value>, k: &str, v: Value) {
    if !v.is_null() {
        m.insert(k.to_owned(), v);
    }
}

/// An element as written. An implication from an element of another owner (a shared element entailing a national
/// one) is written where it was declared: as `implied_by` on the element of the file that declared it.
fn element(c: &Corpus, e: &Element) -> Value {
    let owner = |id: &ElementId| {
        c.elements
            .iter()
            .find(|x| &x.id == id)
            .and_then(|x| x.defined_by.clone())
    };
    let mut m = Map::new();
    put(&mut m, "id", json!(e.id.0));
    put(&mut m, "definition", json!(e.definition));
    put(&mut m, "broader", ids(&e.broader));
    put(&mut m, "authority", opt(e.authority.as_ref()));
    let own: Vec<Value> = e
        .implies
        .iter()
        .filter(|i| e.defined_by.is_some() || owner(&i.element).is_none())
        .map(|i| json!({ "element": i.element.0, "authority": i.authority }))
        .collect();
    if !own.is_empty() {
        m.insert("implies".into(), Value::from(own));
    }
    if e.defined_by.is_some() {
        let by: Vec<Value> = c
            .elements
            .iter()
            .filter(|x| x.defined_by.is_none())
            .flat_map(|x| {
                x.implies
                    .iter()
                    .filter(|i| i.element == e.id)
                    .map(move |i| json!({ "element": x.id.0, "authority": i.authority }))
            })
            .collect();
        if !by.is_empty() {
            m.insert("implied_by".into(), Value::from(by));
        }
    }
    if e.jurisdictional {
        m.insert("jurisdictional".into(), json!(true));
    }
    if e.national_reading {
        m.insert("national_reading".into(), json!(true));
    }
    Value::Object(m)
}

fn partition(p: &Partition) -> Value {
    json!({ "element": p.element.0, "cases": ids(&p.cases), "authority": p.authority })
}

/// `elements.yaml` for the shared vocabulary (national elements are written with their jurisdiction).
#[must_use]
pub fn elements_file(c: &Corpus) -> String {
    let els: Vec<Value> = c
        .elements
        .iter()
        .filter(|e| e.defined_by.is_none())
        .map(|e| element(c, e))
        .collect();
    let parts: Vec<Value> = c
        .partitions
        .iter()
        .filter(|p| p.defined_by.is_none())
        .map(partition)
        .collect();
    let mut file = json!({ "format_version": super::FORMAT_VERSION, "elements": els });
    if !parts.is_empty() {
        file["partitions"] = Value::from(parts);
    }
    pretty(&file)
}

/// `instruments/<id>.yaml` for one instrument.
#[must_use]
pub fn instrument_file(i: &Instrument) -> String {
    let mut header = Map::new();
    put(&mut header, "title", json!(i.title));
    put(&mut header, "short_title", json!(i.short_title));
    put(&mut header, "reference", opt(i.reference.as_ref()));
    put(&mut header, "opened", opt(i.opened));
    put(&mut header, "in_force", opt(i.in_force));
    put(&mut header, "source", json!(i.source));
    put(&mut header, "checked", json!(i.checked.to_string()));
    put(&mut header, "verification", json!(i.verification.as_str()));
    let articles: Vec<Value> = i
        .articles
        .iter()
        .map(|a| {
            let mut m = Map::new();
            put(&mut m, "article", json!(a.number));
            put(&mut m, "title", json!(a.title));
            put(&mut m, "source", json!(a.source));
            put(&mut m, "custodial_required", json!(a.custodial_required));
            put(&mut m, "min_max_months", a.min_max_months.map_or(Value::Null, Value::from));
            put(&mut m, "note", opt(a.note.as_ref()));
            let vs: Vec<Value> = a.variants.iter().map(|v| {
                let mut x = json!({ "id": v.id, "act": v.act.0, "also_reached_by": ids(&v.also_reached_by), "requires": ids(&v.requires) });
                if !v.accessory_to.is_empty() {
                    x["accessory_to"] = json!(v.accessory_to);
                }
                x
            }).collect();
            m.insert("variants".into(), Value::from(vs));
            Value::Object(m)
        })
        .collect();
    let declarable: Vec<Value> = i
        .declarable
        .iter()
        .map(|d| json!({ "paragraph": d.paragraph, "article": d.article, "applies_to": d.applies_to, "may_require": ids(&d.may_require), "note": d.note, "source": d.source }))
        .collect();
    let reservable: Vec<Value> = i
        .reservable
        .iter()
        .map(|d| json!({ "paragraph": d.paragraph, "article": d.article, "applies_to": d.applies_to, "may_require": ids(&d.may_require), "may_not_apply": d.may_not_apply, "procedural": d.procedural, "note": d.note, "source": d.source }))
        .collect();
    let c = &i.cooperation;
    let mut coop = Map::new();
    if let Some(r) = &c.extradition {
        coop.insert("extradition".into(), json!({ "article": r.article, "min_max_months": r.min_max_months, "note": r.note, "source": r.source }));
    }
    if let Some(r) = &c.mla {
        coop.insert(
            "mla".into(),
            json!({ "article": r.article, "note": r.note, "source": r.source }),
        );
    }
    if let Some(r) = &c.preservation {
        coop.insert("preservation".into(), json!({ "article": r.article, "reservation": r.reservation, "scope_articles": r.scope_articles, "note": r.note, "source": r.source }));
    }
    if let Some(r) = &c.eaw {
        coop.insert(
            "eaw".into(),
            json!({ "list_article": r.list_article, "list_min_max_months": r.list_min_max_months, "general_article": r.general_article, "general_min_max_months": r.general_min_max_months, "note": r.note, "source": r.source }),
        );
    }
    let mut file = Map::new();
    file.insert("format_version".into(), json!(super::FORMAT_VERSION));
    file.insert("instrument".into(), Value::Object(header));
    file.insert("articles".into(), Value::from(articles));
    file.insert("declarable".into(), Value::from(declarable));
    file.insert("reservable".into(), Value::from(reservable));
    if !coop.is_empty() {
        file.insert("cooperation".into(), Value::Object(coop));
    }
    if !i.procedural.is_empty() {
        let p: Vec<Value> = i
            .procedural
            .iter()
            .map(|a| {
                let reqs: Vec<Value> = a
                    .requirements
                    .iter()
                    .map(|q| json!({ "paragraph": q.paragraph, "text": q.text, "binding": q.binding, "min_days": q.min_days, "only_for_orders": q.only_for_orders }))
                    .collect();
                json!({ "article": a.article, "title": a.title, "source": a.source, "requirements": reqs, "limited_by": a.limited_by, "general_means": a.general_means, "met_by_contact": a.met_by_contact, "note": a.note })
            })
            .collect();
        file.insert("procedural".into(), Value::from(p));
    }
    if !i.not_encoded.is_empty() {
        let n: Vec<Value> = i
            .not_encoded
            .iter()
            .map(|n| json!({ "provision": n.provision, "reason": n.reason }))
            .collect();
        file.insert("not_encoded".into(), Value::from(n));
    }
    pretty(&Value::Object(strip_nulls(file)))
}

/// `jurisdictions/<cc>.yaml` for one state, with its national elements.
#[must_use]
pub fn jurisdiction_file(c: &Corpus, j: &Jurisdiction) -> String {
    let mut header = Map::new();
    put(&mut header, "code", json!(j.code.0));
    put(&mut header, "name", json!(j.name));
    put(&mut header, "name_original", opt(j.name_original.as_ref()));
    put(
        &mut header,
        "legal_family",
        json!(format!("{:?}", j.legal_family).to_ascii_lowercase()),
    );
    put(&mut header, "scope", opt(j.scope.as_ref()));
    put(
        &mut header,
        "records_complete_from",
        opt(j.records_complete_from),
    );
    if !j.not_assessed.is_empty() {
        let v: Vec<Value> = j
            .not_assessed
            .iter()
            .map(|g| json!({ "instrument": g.instrument.0, "articles": g.articles, "reason": g.reason }))
            .collect();
        header.insert("not_assessed".into(), Value::from(v));
    }
    let treaties: Vec<Value> = j
        .treaties
        .iter()
        .map(|t| {
            let mut m = Map::new();
            put(&mut m, "instrument", json!(t.instrument.0));
            put(&mut m, "signed", opt(t.signed));
            put(&mut m, "ratified", opt(t.ratified));
            put(&mut m, "in_force", opt(t.in_force));
            put(&mut m, "party", json!(t.party_undated));
            put(&mut m, "source", json!(t.source));
            put(&mut m, "checked", json!(t.checked.to_string()));
            put(&mut m, "verification", json!(t.verification.as_str()));
            if let Some(n) = &t.note {
                put(&mut m, "note", json!(n));
            }
            let d: Vec<Value> = t.declarations.iter().map(|d| {
                let mut v = json!({ "paragraph": d.paragraph, "requires": ids(&d.requires), "note": d.note, "source": d.source, "checked": d.checked.to_string() });
                if !d.as_national.is_empty() {
                    v["as_national"] = ids(&d.as_national);
                }
                v
            }).collect();
            let r: Vec<Value> = t
                .reservations
                .iter()
                .map(|r| {
                    let mut v = json!({ "paragraph": r.paragraph, "not_applied": r.not_applied, "requires": ids(&r.requires), "note": r.note, "source": r.source, "checked": r.checked.to_string() });
                    if !r.limits.is_empty() {
                        v["limits"] = json!(r.limits);
                    }
                    if !r.accessory_targets.is_empty() {
                        v["accessory_targets"] = json!(r.accessory_targets);
                    }
                    if !r.applied_only_where.is_empty() {
                        v["applied_only_where"] = Value::from(
                            r.applied_only_where
                                .iter()
                                .map(|p| json!({ "variants": p.variants, "requires": ids(&p.requires) }))
                                .collect::<Vec<_>>(),
                        );
                    }
                    v
                })
                .collect();
            m.insert("declarations".into(), Value::from(d));
            m.insert("reservations".into(), Value::from(r));
            Value::Object(m)
        })
        .collect();
    let elements: Vec<Value> = c
        .elements
        .iter()
        .filter(|e| e.defined_by.as_ref() == Some(&j.code))
        .map(|e| element(c, e))
        .collect();
    let offenses: Vec<Value> = j
        .offenses
        .iter()
        .map(|o| {
            let versions: Vec<Value> = o
                .versions
                .iter()
                .map(|v| {
                    let p = &v.penalty;
                    let aggr: Vec<Value> = p.aggravated.iter().map(|a| json!({ "when": ids(&a.when), "max_months": a.max_months, "citation": a.citation })).collect();
                    let mut pen = Map::new();
                    put(&mut pen, "max_months", p.max_months.map_or(Value::Null, Value::from));
                    pen.insert("fine_only_possible".into(), json!(p.fine_only_possible));
                    pen.insert("aggravated".into(), Value::from(aggr));
                    pen.insert("follows_principal".into(), json!(p.follows_principal));
                    put(&mut pen, "note", opt(p.note.as_ref()));
                    let mut m = Map::new();
                    put(&mut m, if v.from_is_bound { "from_not_later_than" } else { "from" }, opt(v.from));
                    put(&mut m, "to", opt(v.to));
                    m.insert("acts".into(), ids(&v.acts));
                    m.insert("requires".into(), ids(&v.requires));
                    if !v.requires_one_of.is_empty() {
                        m.insert("requires_one_of".into(), Value::from(v.requires_one_of.iter().map(|g| ids(g)).collect::<Vec<_>>()));
                    }
                    if !v.suspended.is_empty() {
                        m.insert("suspended".into(), Value::from(v.suspended.iter().map(|x| json!({ "from": x.from.to_string(), "to": x.to.to_string(), "by": x.by, "source": x.source })).collect::<Vec<_>>()));
                    }
                    m.insert("penalty".into(), Value::Object(pen));
                    put(&mut m, "amended_by", opt(v.amended_by.as_ref()));
                    if !v.accessory_to.is_empty() {
                        m.insert(
                            "accessory_to".into(),
                            Value::from(
                                v.accessory_to
                                    .iter()
                                    .map(ToString::to_string)
                                    .collect::<Vec<_>>(),
                            ),
                        );
                    }
                    Value::Object(m)
                })
                .collect();
            let implements: Vec<Value> = o.implements.iter().map(|a| json!({ "instrument": a.instrument.0, "article": a.article })).collect();
            let mut m = Map::new();
            put(&mut m, "id", json!(o.id.0));
            put(&mut m, "citation", json!(o.citation));
            m.insert("title".into(), json!({ "original": o.title.original, "en": o.title.en }));
            put(&mut m, "source", json!(o.source));
            put(&mut m, "checked", json!(o.checked.to_string()));
            put(&mut m, "verification", json!(o.verification.as_str()));
            m.insert("implements".into(), Value::from(implements));
            put(&mut m, "note", opt(o.note.as_ref()));
            m.insert("versions".into(), Value::from(versions));
            Value::Object(m)
        })
        .collect();
    let mut file = json!({ "format_version": super::FORMAT_VERSION, "jurisdiction": header, "treaties": treaties, "elements": elements, "offenses": offenses });
    let parts: Vec<Value> = c
        .partitions
        .iter()
        .filter(|p| p.defined_by.as_ref() == Some(&j.code))
        .map(partition)
        .collect();
    if !parts.is_empty() {
        file["partitions"] = Value::from(parts);
    }
    pretty(&file)
}

fn strip_nulls(m: Map<String, Value>) -> Map<String, Value> {
    m.into_iter().filter(|(_, v)| !v.is_null()).collect()
}

fn pretty(v: &Value) -> String {
    // `null` where the format has an optional key is read as absent, so nulls may stay inside nested objects.
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
