<?xml version="1.0" encoding="utf-8"?>
<!-- An Atom feed opened in a browser: a readable list of its articles with a hint to subscribe.
     Feed readers ignore the stylesheet and read the Atom itself. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/a:feed">
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="a:title"/> (Atom feed)</title>
        <style>
          body { font-family: system-ui, sans-serif; max-width: 48em; margin: 0 auto; padding: 1em; color: #111; line-height: 1.5; }
          a { color: #0b57a4; }
          .subscribe { background: #eef4fb; border: 1px solid #b8cfe8; padding: 0.75em 1em; }
          .subscribe code { overflow-wrap: anywhere; background: #fff; padding: 0 0.25em; }
          ol { padding-left: 0; list-style: none; }
          li { border-top: 1px solid #ddd; padding: 0.75em 0; }
          .meta { color: #555; font-size: 0.9em; margin: 0.2em 0; }
          .summary { margin: 0.3em 0 0; overflow-wrap: break-word; }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="a:title"/></h1>
          <p class="subscribe"><strong>Subscribe:</strong> this page is an Atom feed. Copy its address into a
            feed reader to be told of new articles:
            <code><xsl:value-of select="a:link[@rel='self']/@href"/></code></p>
          <p><a href="{a:link[@rel='alternate']/@href}">The same articles as a table</a> ·
            <a href="/">the archive's home page</a></p>
          <h2><xsl:value-of select="count(a:entry)"/> latest articles</h2>
          <ol class="entries">
            <xsl:for-each select="a:entry">
              <li>
                <h3><a href="{a:link[@rel='related']/@href}"><xsl:value-of select="a:title"/></a></h3>
                <p class="meta"><time datetime="{a:updated}"><xsl:value-of select="substring(a:updated, 1, 10)"/></time>
                  <xsl:if test="a:author/a:name"> · <xsl:value-of select="a:author/a:name"/></xsl:if>
                  <xsl:if test="a:link[@rel='alternate']"> · <a href="{a:link[@rel='alternate']/@href}">original</a></xsl:if></p>
                <p class="summary"><xsl:value-of select="substring(a:summary, 1, 280)"/>
                  <xsl:if test="string-length(a:summary) &gt; 280">…</xsl:if></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
