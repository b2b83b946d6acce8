// The theme's base script, from a file so that the Content-Security-Policy (generator/build/hosting.py)
// can forbid inline scripts and event handlers. Loaded in <head>, before the theme's bundle. The
// portal's own script (the place picker, the print button) is assets/portal.js.

// Material 9.8.2 partials/javascripts/base.html (the theme's inline script): the site's root,
// the folder above this file, scopes what the theme keeps in localStorage. Not in the theme's
// assets/javascripts/: every file there carries a content hash and is cached for a year.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

