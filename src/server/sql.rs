//! SQL assembled from optional filters: numbered placeholders and their values, built up in
//! order, for both backends.

/// A bind value for SQL assembled from a filter.
#[derive(Clone, Debug)]
pub enum Arg {
    I(i64),
    S(String),
}

/// SQL text with numbered placeholders and their values, built up in order.
#[derive(Default)]
pub struct Sql {
    pub args: Vec<Arg>,
}

impl Sql {
    pub fn arg(&mut self, a: Arg) -> String {
        self.args.push(a);
        format!("${}", self.args.len())
    }

    /// `(… placeholders …)` for an `IN`; `(NULL)`, which matches nothing, for an empty list.
    pub fn in_list(&mut self, ids: &[i64]) -> String {
        let marks: Vec<String> = ids.iter().map(|i| self.arg(Arg::I(*i))).collect();
        if marks.is_empty() { "(NULL)".into() } else { format!("({})", marks.join(", ")) }
    }

    /// A placeholder for a text value.
    pub fn text(&mut self, s: impl Into<String>) -> String {
        self.arg(Arg::S(s.into()))
    }
}

/// Binds a [`Sql`]'s values to a query, in order.
macro_rules! bind_args {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                $crate::server::sql::Arg::I(i) => q.bind(*i),
                $crate::server::sql::Arg::S(s) => q.bind(s.clone()),
            };
        }
        q
    }};
}
pub(crate) use bind_args;
