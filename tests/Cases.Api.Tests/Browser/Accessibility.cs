using Microsoft.Playwright;

namespace Cases.Api.Tests.Browser;

/// <summary>
/// A basic accessibility check of the page in the browser, as rendered: a language, landmarks
/// (banner, main, contentinfo; navigation once signed in), one h1 and no skipped heading level,
/// a label for every form field, a name for every button and image, and text contrast of at least
/// 4.5:1 (3:1 for large text) against the background it is drawn on (WCAG 2.1 AA).
/// </summary>
public static class Accessibility
{
    private const string Script = """
        () => {
          const problems = [];
          const visible = el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0; };
          const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
          if (!document.documentElement.lang) problems.push('html has no lang');
          if (!document.title.trim()) problems.push('page has no title');
          const count = sel => document.querySelectorAll(sel).length;
          if (count('main, [role=main]') !== 1) problems.push('expected one main landmark, found ' + count('main, [role=main]'));
          if (count('body > header, [role=banner]') < 1) problems.push('no banner landmark (a header outside main)');
          if (count('body > footer, [role=contentinfo]') < 1) problems.push('no contentinfo landmark (a footer outside main)');
          const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible);
          const h1s = headings.filter(h => h.tagName === 'H1');
          if (h1s.length !== 1) problems.push('expected one h1, found ' + h1s.length);
          let last = 0;
          for (const h of headings) { const level = +h.tagName[1]; if (last && level > last + 1) problems.push('heading level skipped before ' + describe(h)); last = level; }
          for (const field of document.querySelectorAll('input, select, textarea')) {
            const type = (field.getAttribute('type') || '').toLowerCase();
            if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
            const named = (field.labels && field.labels.length > 0 && [...field.labels].some(l => l.textContent.trim()))
              || (field.getAttribute('aria-label') || '').trim() || field.getAttribute('aria-labelledby');
            if (!named) problems.push('form field without a label: ' + describe(field));
          }
          for (const button of document.querySelectorAll('button, [role=button], a[href]')) {
            if (!visible(button)) continue;
            if (!((button.textContent || '').trim() || button.getAttribute('aria-label') || button.getAttribute('title'))) problems.push('control without a name: ' + describe(button));
          }
          for (const img of document.querySelectorAll('img')) { if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src); }
          for (const svg of document.querySelectorAll('svg')) {
            if (svg.closest('svg') !== svg) continue;
            if (svg.getAttribute('aria-hidden') === 'true') continue;
            if (!(svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby') || svg.querySelector(':scope > title'))) problems.push('svg without a name (aria-label or title)');
          }
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = el => {
            for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
            return { r: 255, g: 255, b: 255, a: 1 };
          };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const seen = new Set();
          while (walker.nextNode()) {
            const node = walker.currentNode; const el = node.parentElement;
            if (!el || seen.has(el) || !node.textContent.trim() || !visible(el) || el.closest('svg, .visually-hidden, .skip-link')) continue;
            seen.add(el);
            const style = getComputedStyle(el); const fg = parse(style.color); if (!fg) continue;
            const bg = background(el);
            const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            const size = parseFloat(style.fontSize); const bold = parseInt(style.fontWeight, 10) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ':1 < ' + needed + ':1 for ' + describe(el));
          }
          return problems;
        }
        """;

    /// <summary>Whether the page has a navigation landmark (menus appear once signed in).</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, bool expectNavigation = true)
    {
        var problems = (await page.EvaluateAsync<string[]>(Script)).ToList();
        if (expectNavigation && await page.Locator("nav, [role=navigation]").CountAsync() == 0)
        {
            problems.Add("no navigation landmark");
        }

        return problems;
    }

    /// <summary>Fails the test with every problem found on the page.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, bool expectNavigation = true)
    {
        var problems = await ProblemsAsync(page, expectNavigation);
        Assert.True(problems.Count == 0, $"{page.Url}:\n{string.Join("\n", problems)}");
    }
}
