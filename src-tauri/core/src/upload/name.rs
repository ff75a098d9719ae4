//! File names the platforms take: upload fields reject spaces, accents, slashes and long names
//! unpredictably, so the made file's name keeps only ASCII letters, digits, `-` and `_`.

/// The longest name, `.pdf` included.
const MAX_NAME_CHARS: usize = 64;

pub fn safe_file_name(title: &str) -> String {
    let mut name = String::new();
    for c in title.chars() {
        let mapped = match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' => Some(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some('a'),
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => Some('A'),
            'ç' => Some('c'),
            'Ç' => Some('C'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'È' | 'É' | 'Ê' | 'Ë' => Some('E'),
            'ì' | 'í' | 'î' | 'ï' => Some('i'),
            'Ì' | 'Í' | 'Î' | 'Ï' => Some('I'),
            'ñ' => Some('n'),
            'Ñ' => Some('N'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => Some('o'),
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => Some('O'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            'Ù' | 'Ú' | 'Û' | 'Ü' => Some('U'),
            'ý' | 'ÿ' => Some('y'),
            _ => None,
        };
        match mapped {
            Some(c) => name.push(c),
            None if !name.ends_with('_') && !name.is_empty() => name.push('_'),
            None => {}
        }
    }
    let stem = name.trim_matches(|c| c == '_' || c == '-');
    let stem: String = stem.chars().take(MAX_NAME_CHARS - 4).collect();
    let stem = stem.trim_end_matches(['_', '-']);
    if stem.is_empty() {
        "document.pdf".to_string()
    } else {
        format!("{stem}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_only_safe_characters() {
        assert_eq!(safe_file_name("Diplôme / Master 2"), "Diplome_Master_2.pdf");
        assert_eq!(safe_file_name("  ..CV: María.pdf"), "CV_Maria_pdf.pdf");
        assert_eq!(safe_file_name("شهادة"), "document.pdf");
        assert!(safe_file_name(&"x".repeat(300)).len() <= MAX_NAME_CHARS);
    }
}
