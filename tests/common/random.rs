//! A small deterministic random generator and random answer sets, shared by the round-trip tests
//! (`tests/results_last.rs`) and the fuzz runs (`tests/fuzz.rs`): the same seed always gives the
//! same cases, so a failure found once can be replayed.

use ready_to_lead::core::model::{ItemKind, Rubric};
use ready_to_lead::core::scoring::{Answer, Answers};

/// xorshift64: tiny, fast, and good enough to pick test cases. Its state must never be zero.
pub struct Rng(pub u64);

impl Rng {
    /// A generator for any seed, zero included (splitmix64 spreads the seed's bits first).
    pub fn seeded(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)).max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` must not be zero).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True about once in `n` calls.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One answer the item offers: a scale point, "no chance yet" where its scale has one, or one of
/// a scenario's options.
pub fn random_answer(rubric: &Rubric, index: usize, rng: &mut Rng) -> Answer {
    let item = &rubric.items[index];
    let no_chance = rubric.scale(item.kind).is_some_and(|s| s.no_chance.is_some());
    match item.kind {
        ItemKind::Scenario => Answer::Choice(rng.pick(&item.options).id.to_string()),
        _ if no_chance && rng.one_in(7) => Answer::NoChance,
        _ => Answer::Scale(rng.below(5) as u8),
    }
}

/// Answers to about seven items in eight, each one the item offers.
pub fn random_answers(rubric: &Rubric, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new();
    for (i, item) in rubric.items.iter().enumerate() {
        if !rng.one_in(8) {
            answers.insert(item.id.to_string(), random_answer(rubric, i, rng));
        }
    }
    answers
}

/// An answer to every item.
pub fn full_answers(rubric: &Rubric, rng: &mut Rng) -> Answers {
    (0..rubric.items.len())
        .map(|i| (rubric.items[i].id.to_string(), random_answer(rubric, i, rng)))
        .collect()
}

/// No situation, or one of the rubric's.
pub fn random_situation(rubric: &Rubric, rng: &mut Rng) -> Option<String> {
    let i = rng.below(rubric.situations.len() + 1);
    rubric.situations.get(i).map(|s| s.id.to_string())
}
