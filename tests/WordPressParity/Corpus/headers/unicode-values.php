<?php
/**
 * Plugin Name: Café Réservations — Tischbuchung
 * Description: Réservez une table. 予約 フォーム. Ελληνικά.
 * Version: 1.0.0
 * Author: Zoë Müller & Søren Ærø
 */
