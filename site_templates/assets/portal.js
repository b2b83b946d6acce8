// Portal Kinerja: what needs JavaScript, on top of pages that work without it.
// 1. The place picker's filter box (Beranda): shows the kecamatan whose name or kabupaten
//    contains the typed text, opens their groups, and says how many it found.
// 2. "Cetak halaman ini": a button that opens the print dialog (hidden without JavaScript).
(() => {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

  for (const picker of document.querySelectorAll("[data-pilih-tempat]")) {
    const box = picker.querySelector(".saring");
    const input = box.querySelector("input");
    const count = box.querySelector(".saring-jumlah");
    const groups = [...picker.querySelectorAll("details")];
    const wasOpen = groups.map((g) => g.open);
    box.hidden = false;
    input.addEventListener("input", () => {
      const query = fold(input.value);
      let found = 0;
      groups.forEach((group, i) => {
        let inGroup = 0;
        for (const item of group.querySelectorAll("[data-tempat]")) {
          const match = !query || fold(item.dataset.tempat).includes(query);
          item.hidden = !match;
          inGroup += match;
        }
        group.hidden = inGroup === 0;
        group.open = query ? inGroup > 0 : wasOpen[i];
        found += inGroup;
      });
      count.textContent = query ? (found ? `${found} kecamatan ditemukan` : "Tidak ada kecamatan dengan nama itu") : "";
    });
  }

  for (const button of document.querySelectorAll("[data-cetak]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
})();
