/// The public status page: one small mobile-first HTML page, no scripts, no personal data.
enum StatusPageTemplate {
    static let html = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>Melding {{shortNumber}} – {{statusLabel}}</title>
        <style>
          body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1a1a1a; background: #f5f5f2; }
          main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
          h1 { font-size: 1.3rem; margin: 0.5rem 0 0.25rem; }
          .status { display: inline-block; font-size: 1.15rem; font-weight: 600; padding: 0.4rem 0.8rem; border-radius: 0.4rem; background: #1f5f8b; color: #fff; }
          .status.resolved { background: #2d7a3a; } .status.closed { background: #555; }
          dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 1rem 0; }
          dt { color: #555; } dd { margin: 0; }
          ol { list-style: none; padding: 0; border-left: 3px solid #1f5f8b; }
          li { margin: 0 0 1rem 0; padding-left: 0.8rem; }
          time { display: block; color: #555; font-size: 0.9rem; }
          img { max-width: 100%; height: auto; border-radius: 0.4rem; margin-top: 0.5rem; }
          footer { color: #666; font-size: 0.85rem; margin-top: 2rem; }
        </style>
        </head>
        <body>
        <main>
          <p>{{municipalityName}} · melding {{shortNumber}}</p>
          <h1>{{categoryName}}</h1>
          <p class="status {{statusKind}}" id="status">{{statusLabel}}</p>
          {{#mainReport}}<p>Deze melding is samengevoegd met een andere melding over hetzelfde probleem en volgt de status daarvan.</p>{{/mainReport}}
          <dl>
            <dt>Gemeld op</dt><dd>{{submittedAt}}</dd>
            {{#address}}<dt>Locatie</dt><dd>{{address}}</dd>{{/address}}
            {{#expectedBy}}<dt>Verwacht opgelost</dt><dd>{{expectedBy}}</dd>{{/expectedBy}}
            <dt>Laatst bijgewerkt</dt><dd>{{updatedAt}}</dd>
          </dl>
          <p>{{description}}</p>
          {{#completionPhotoURL}}
          <figure>
            <img src="{{completionPhotoURL}}" alt="Foto van de oplossing">
            <figcaption>Foto van de uitvoerder na het herstel</figcaption>
          </figure>
          {{/completionPhotoURL}}
          <h2>Verloop</h2>
          <ol id="timeline">
            {{#timeline}}
            <li><time>{{at}}</time>{{summary}}{{#note}}<br><q>{{note}}</q>{{/note}}{{#photoURL}}<br><img src="{{photoURL}}" alt="Foto bij deze stap">{{/photoURL}}</li>
            {{/timeline}}
          </ol>
          <footer>Meldingnummer {{number}}. Deze pagina toont geen persoonsgegevens.</footer>
        </main>
        </body>
        </html>
        """

    static let unavailable = """
        <!DOCTYPE html>
        <html lang="nl">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}}</title></head>
        <body><main style="max-width:40rem;margin:0 auto;padding:1rem;font-family:system-ui,sans-serif">
        <h1>{{title}}</h1><p>{{message}}</p>
        </main></body></html>
        """
}
